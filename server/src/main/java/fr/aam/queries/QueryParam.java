package fr.aam.queries;

/**
 * A parameter of a canned query, bound to the query variable of the same name.
 *
 * @param valuesOf IRI of a class: the allowed values are its instances in the data (type must be IRI)
 * @param multi    several values allowed (repeated parameter or comma-separated), bound with VALUES
 */
public record QueryParam(String name, ParamType type, boolean required, String defaultValue, boolean multi,
                         String valuesOf, String description, String example) {}
