package fr.aam.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A parameter of a canned query, bound to the query variable of the same name.
 *
 * @param label    what the form calls it, French and English
 * @param help     one sentence saying what choosing it does
 * @param valuesOf IRI of a class: the allowed values are its instances in the data (type must be IRI); the page
 *                 searches them through {@code GET /api/queries/{id}/parameters/{name}/values}
 * @param groupBy  how those values are grouped in that search
 * @param multi    several values allowed (repeated parameter or comma-separated), bound with VALUES
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryParam(String name, ParamType type, boolean required,
                         @JsonProperty("default") String defaultValue,
                         @JsonProperty("multiValued") boolean multi,
                         String valuesOf, ValueGrouping groupBy, Text label, Text help, String example) {}
