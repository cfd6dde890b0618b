package fr.aam.web;

import fr.aam.web.conneg.Format;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.web.servlet.View;

/** Writes a graph in the negotiated RDF format: the non-HTML side of the linked-data pages. */
record RdfView(Graph graph, Format format) implements View {

    @Override
    public String getContentType() { return format.contentType(); }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        response.setContentType(format.contentType());
        RDFDataMgr.write(response.getOutputStream(), graph, format.lang());
    }
}
