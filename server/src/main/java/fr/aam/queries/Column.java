package fr.aam.queries;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A result column (a projected variable) as a person reads it.
 *
 * @param label  the column header, French and English
 * @param link   the IRI column this column's cells link to (a label linking to its resource page); null if none
 * @param hidden true for columns a table does not show: the IRI columns other columns link to (they stay in the
 *               data and in downloads), and helper values of a chart
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Column(String name, Text label, String link, boolean hidden) {}
