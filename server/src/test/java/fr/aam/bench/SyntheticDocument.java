package fr.aam.bench;

import static fr.aam.bench.ReferenceTerms.AAM;
import static fr.aam.bench.ReferenceTerms.SKOS;

import fr.aam.bench.ReferenceTerms.Territory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * One synthetic source document — a département's roadmap or benchmark, a région's toolbox of action sheets, or a
 * national plan — written as the real extractions are (data/README.md): sections, the document's own axes mapped
 * onto the reference levers, actors, actions with levers, places, professions, dates and statuses, partnerships with
 * roles and quotes, figures, indicators, findings, a matrix. Everything it points to outside itself is a real term
 * (territories, levers, professions, shared actors, vocabularies), so each document's graph validates against
 * ontology/shapes.ttl together with the shared files alone. Texts are filler words, not facts.
 */
final class SyntheticDocument {

    enum Kind { ROADMAP, BENCHMARK, TOOLBOX, PLAN }

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    // Filler words for labels and quotes: realistic length and vocabulary (so that `search` finds things), no facts.
    private static final String[] ACTIONS = {"Forum", "Campagne", "Formation", "Parcours", "Plateforme", "Rallye",
        "Job dating", "Immersion", "Tutorat", "Observatoire", "Dispositif", "Programme", "Atelier", "Label", "Guide",
        "Expérimentation", "Semaine", "Réseau", "Journée", "Appel à projets"};
    private static final String[] TOPICS = {"des métiers du grand âge", "de l'aide à domicile", "de la qualité de vie au travail",
        "de l'apprentissage", "du management de proximité", "de la mobilité des intervenants", "de l'accueil des stagiaires",
        "des aides-soignants", "de la prévention des risques", "de la découverte des métiers", "du logement des professionnels",
        "de la validation des acquis", "des ambassadeurs métiers", "de la coordination territoriale", "du numérique en EHPAD",
        "de la reconversion professionnelle", "de l'image des métiers du domicile", "des passerelles entre métiers"};
    private static final String[] ACTOR_WORDS = {"Association", "EHPAD", "Service d'aide à domicile", "Institut de formation",
        "Centre hospitalier", "Fédération", "Communauté de communes", "Maison de l'emploi", "Résidence autonomie",
        "Groupement", "Mutuelle", "Lycée professionnel", "Plateforme des métiers", "Dispositif d'appui"};
    private static final String[] NAMES = {"Les Tilleuls", "Le Bocage", "Val d'Or", "Les Acacias", "Horizon", "Les Glycines",
        "Saint-Martin", "La Source", "Bel Air", "Les Pins", "L'Estuaire", "Les Vignes", "Le Moulin", "Les Genêts"};
    private static final String[] MEASURED = {"professionnels formés", "recrutements réalisés", "places de formation ouvertes",
        "structures participantes", "jeunes accueillis en stage", "heures de formation", "euros engagés",
        "postes non pourvus", "candidats reçus", "établissements labellisés"};

    private final ReferenceTerms ref;
    private final String id;           // base + "id/"
    private final Set<Node> placeMarked = new HashSet<>();
    private final String slug;
    private final Kind kind;
    private final Territory scope;
    private final List<Territory> places;
    private final List<SharedActor> territoryActors;
    private final Random rnd;
    private final int actions;
    private final Zipf leverZipf;
    private final Zipf professionZipf;
    private final Zipf kindZipf;
    private final Zipf roleZipf;

    private TripleSink out;
    private Node doc;
    private final List<Node> subSections = new ArrayList<>();
    private final List<Node> axes = new ArrayList<>();
    private final List<List<Node>> axisLevers = new ArrayList<>();
    private final List<Node> placeNodes = new ArrayList<>();
    private final List<Node> actors = new ArrayList<>();
    private final List<String> actorLabels = new ArrayList<>();
    private final List<Node> actionNodes = new ArrayList<>();
    private final List<Node> initiatives = new ArrayList<>();
    private Node annex;
    private Node intro;
    private int sectionNumber;

    /**
     * @param territoryActors actors shared by every document of the scope territory (described identically in each)
     * @param places          real territories where the document's actions take place (the scope first)
     */
    SyntheticDocument(ReferenceTerms ref, String baseIri, String slug, Kind kind, Territory scope, List<Territory> places,
                      List<SharedActor> territoryActors, Random rnd, int actions) {
        this.ref = ref;
        this.id = baseIri + "id/";
        this.slug = slug;
        this.kind = kind;
        this.scope = scope;
        this.places = places;
        this.territoryActors = territoryActors;
        this.rnd = rnd;
        this.actions = actions;
        this.leverZipf = new Zipf(ref.specificLevers.size(), 0.8);
        this.professionZipf = new Zipf(ref.professions.size(), 1.1);
        this.kindZipf = new Zipf(ref.actorKinds.size(), 1.0);
        this.roleZipf = new Zipf(ref.roles.size(), 1.2);
    }

    void write(TripleSink sink) {
        this.out = sink;
        document();
        sections();
        axes();
        localAreas();
        actors();
        actions();
        if (kind == Kind.BENCHMARK) { indicatorGroups(); matrix(); }
        findings();
        listedProfessions();
    }

    // ------------------------------------------------------------------ document, sections, axes

    private void document() {
        doc = iri("source", slug);
        String title = switch (kind) {
            case ROADMAP -> "Feuille de route pour l'attractivité des métiers de l'autonomie — " + scope.label();
            case BENCHMARK -> "Benchmark des initiatives d'attractivité — " + scope.label();
            case TOOLBOX -> "Boîte à outils pour l'attractivité des métiers — " + scope.label();
            case PLAN -> "Plan national pour les métiers de l'autonomie";
        } + " (document synthétique " + slug + ")";
        out.type(doc, AAM + "SourceDocument");
        out.fr(doc, RDFS + "label", title);
        out.fr(doc, DCT + "title", title);
        out.add(doc, DCT + "creator", territoryActors.get(0).iri());
        out.typed(doc, DCT + "issued", 2019 + rnd.nextInt(7), XSDDatatype.XSDgYear);
        out.add(doc, DCT + "spatial", scope.iri());
        out.string(doc, DCT + "language", "fr");
        Node text = iri("source", slug + "-text");
        out.type(text, AAM + "SourceText");
        out.fr(text, RDFS + "label", "Texte du document synthétique " + slug);
        out.string(text, AAM + "fileName", slug + ".txt");
        out.add(text, AAM + "textOf", doc);
    }

    private void sections() {
        intro = section("introduction", "Introduction", doc);
        int axisCount = 3 + rnd.nextInt(4);
        int perAxis = Math.max(1, actions / (axisCount * 4));
        for (int a = 0; a < axisCount; a++) {
            Node axisSection = section("axe-" + (a + 1), "Axe " + (a + 1) + " — " + capital(pick(TOPICS)), doc);
            for (int s = 0; s < perAxis; s++) {
                subSections.add(section("axe-" + (a + 1) + "-" + (s + 1), capital(pick(ACTIONS)) + " " + pick(TOPICS), axisSection));
            }
        }
        annex = section("annexe-acteurs", "Annexe : acteurs recensés", doc);
    }

    private Node section(String local, String label, Node partOf) {
        Node s = iri("section", slug + "-" + local);
        out.type(s, AAM + "Section");
        out.fr(s, RDFS + "label", label);
        out.add(s, DCT + "isPartOf", partOf);
        out.integer(s, AAM + "sectionNumber", ++sectionNumber);
        return s;
    }

    /** One axis per group of sub-sections, each mapped onto one to three reference levers. */
    private void axes() {
        Node scheme = iri("scheme", slug + "-axes");
        out.type(scheme, SKOS + "ConceptScheme");
        out.fr(scheme, SKOS + "prefLabel", "Axes du document synthétique " + slug);
        int count = 2 + rnd.nextInt(4);
        for (int a = 0; a < count; a++) {
            Node axis = iri("axis", slug + "-axe-" + (a + 1));
            out.type(axis, SKOS + "Concept", AAM + "DocumentAxis");
            out.fr(axis, SKOS + "prefLabel", "Axe " + (a + 1) + " : " + pick(TOPICS));
            out.add(axis, SKOS + "inScheme", scheme);
            out.add(axis, PROV + "wasDerivedFrom", subSections.get(rnd.nextInt(subSections.size())));
            Set<Node> levers = new LinkedHashSet<>();
            int n = 1 + rnd.nextInt(3);
            while (levers.size() < n) levers.add(leverZipf.pick(ref.specificLevers, rnd));
            for (Node l : levers) out.add(axis, SKOS + (n == 1 ? "exactMatch" : "narrowMatch"), l);
            axes.add(axis);
            axisLevers.add(List.copyOf(levers));
        }
    }

    /** Real territories first; roadmaps and benchmarks add a few local areas of their own within them. */
    private void localAreas() {
        for (Territory t : places) placeNodes.add(t.iri());
        if (kind != Kind.ROADMAP && kind != Kind.BENCHMARK) return;
        int n = rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            Node area = iri("territory", slug + "-zone-" + (k + 1));
            out.type(area, AAM + "Territory", AAM + "LocalArea");
            out.fr(area, RDFS + "label", "Bassin " + pick(NAMES) + " (" + scope.label() + ")");
            out.add(area, AAM + "withinTerritory", placeNodes.get(rnd.nextInt(placeNodes.size())));
            out.add(area, PROV + "wasDerivedFrom", intro);
            placeNodes.add(area);
        }
    }

    // ------------------------------------------------------------------ actors

    /**
     * The document's own actors, then the actors it shares with the other documents of its territory and a few
     * national ones (data/actors.ttl): each gets this document's provenance. In the partnerships, actors are drawn
     * with a skew, so that a few of them (the shared ones first) take part in many actions.
     */
    private void actors() {
        for (SharedActor a : territoryActors) {
            a.describe(out, stated());
            out.add(a.iri(), PROV + "wasDerivedFrom", intro);
            actors.add(a.iri());
            actorLabels.add(a.label());
        }
        for (int k = 0; k < 3 && k < ref.sharedActors.size(); k++) {
            Node a = ref.sharedActors.get(rnd.nextInt(ref.sharedActors.size()));
            if (actors.contains(a)) continue;
            actors.add(a);
            actorLabels.add(null);
            out.add(a, PROV + "wasDerivedFrom", intro);
        }
        int own = Math.max(5, actions * 4 / 5);
        for (int k = 0; k < own; k++) {
            Node a = iri("actor", slug + "-a" + (k + 1));
            String label = pick(ACTOR_WORDS) + " " + pick(NAMES) + " (" + slug + "-" + (k + 1) + ")";
            out.type(a, AAM + "Actor");
            out.fr(a, RDFS + "label", label);
            out.add(a, AAM + "actorKind", kindZipf.pick(ref.actorKinds, rnd));
            out.add(a, AAM + "kindBasis", stated());
            out.add(a, AAM + "basedIn", placeNodes.get(rnd.nextInt(placeNodes.size())));
            out.add(a, AAM + "placeBasis", stated());
            out.add(a, PROV + "wasDerivedFrom", annex);
            if (kind == Kind.BENCHMARK || rnd.nextInt(4) == 0) out.add(a, AAM + "listedIn", annex);
            actors.add(a);
            actorLabels.add(label);
        }
    }

    /** An actor of a territory that all its documents name: described identically by each, so the union holds one label. */
    record SharedActor(Node iri, String label, Node kind, Node basedIn) {
        void describe(TripleSink out, Node stated) {
            out.type(iri, AAM + "Actor");
            out.fr(iri, RDFS + "label", label);
            out.add(iri, AAM + "actorKind", kind);
            out.add(iri, AAM + "kindBasis", stated);
            out.add(iri, AAM + "basedIn", basedIn);
            out.add(iri, AAM + "placeBasis", stated);
        }
    }

    // ------------------------------------------------------------------ actions

    private void actions() {
        String cls = switch (kind) { case PLAN -> "Measure"; case TOOLBOX -> "RecommendedAction"; default -> "Initiative"; };
        String prefix = switch (kind) { case PLAN -> "measure"; case TOOLBOX -> "action-sheet"; default -> "initiative"; };
        if (kind == Kind.TOOLBOX) {   // the initiatives a toolbox cites as examples
            for (int i = 0; i < Math.max(2, actions / 3); i++) initiatives.add(action("initiative", "Initiative", "ex" + (i + 1), i));
        }
        for (int i = 0; i < actions; i++) {
            Node a = action(prefix, cls, String.valueOf(i + 1), i);
            if (kind == Kind.TOOLBOX) sheetFields(a, i);
            else if (kind != Kind.PLAN) initiatives.add(a);
        }
    }

    private Node action(String prefix, String cls, String local, int i) {
        Node a = iri(prefix, slug + "-" + local);
        int axis = rnd.nextInt(axes.size());
        Node section = subSections.get(rnd.nextInt(subSections.size()));
        String label = capital(pick(ACTIONS)) + " " + pick(TOPICS) + " — " + slug + " n° " + local;
        out.type(a, AAM + cls);
        out.fr(a, RDFS + "label", label);
        if (rnd.nextInt(3) == 0) out.fr(a, DCT + "description", "Action " + pick(TOPICS) + " menée " + inScope() + " avec les partenaires du territoire.");
        out.fr(a, AAM + "quote", quote("« " + label + " » : l'action vise le renforcement " + pick(TOPICS) + " " + inScope() + "."));
        out.add(a, PROV + "wasDerivedFrom", section);
        Set<Node> levers = new LinkedHashSet<>(List.of(axisLevers.get(axis).get(rnd.nextInt(axisLevers.get(axis).size()))));
        if (rnd.nextInt(3) == 0) levers.add(leverZipf.pick(ref.specificLevers, rnd));
        for (Node l : levers) out.add(a, AAM + "lever", l);
        out.add(a, AAM + "documentAxis", axes.get(axis));
        int professions = rnd.nextInt(4);
        Set<Node> targeted = new LinkedHashSet<>();
        for (int k = 0; k < professions; k++) targeted.add(professionZipf.pick(ref.professions, rnd));
        for (Node p : targeted) out.add(a, AAM + "targetsProfession", p);
        if (kind != Kind.PLAN || rnd.nextInt(5) == 0) {
            out.add(a, AAM + "place", rnd.nextInt(3) == 0 ? placeNodes.get(0) : placeNodes.get(rnd.nextInt(placeNodes.size())));
            markPlace(a);
        }
        if (rnd.nextBoolean()) out.add(a, AAM + "status", ref.statuses.get(rnd.nextInt(ref.statuses.size())));
        int start = 2018 + rnd.nextInt(8);
        boolean dated = false;
        if (rnd.nextInt(5) < 3) { out.typed(a, AAM + "startDate", start, XSDDatatype.XSDgYear); dated = true; }
        if (rnd.nextInt(5) == 0) { out.typed(a, AAM + "endDate", String.format(Locale.ROOT, "%d-%02d-%02d", start + 1, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)), XSDDatatype.XSDdate); dated = true; }
        if (dated) out.add(a, AAM + "dateBasis", stated());
        if (i > 0 && rnd.nextInt(10) == 0 && !actionNodes.isEmpty()) out.add(a, AAM + "partOfAction", actionNodes.get(rnd.nextInt(actionNodes.size())));
        if (rnd.nextInt(10) == 0) out.add(a, AAM + "namesActor", actors.get(rnd.nextInt(actors.size())));
        partnerships(a, local, section);
        if (rnd.nextInt(kind == Kind.PLAN ? 1 : 5) < 2) figure(a, levers.iterator().next(), section, local);
        actionNodes.add(a);
        return a;
    }

    /** One to four partners, the first one carrying the action; an actor and a role at most once per action. */
    private void partnerships(Node action, String local, Node section) {
        int n = kind == Kind.TOOLBOX ? rnd.nextInt(3) : 1 + rnd.nextInt(4);
        Zipf actorZipf = new Zipf(actors.size(), 1.0);
        Set<String> seen = new LinkedHashSet<>();
        for (int k = 0; k < n; k++) {
            int ai = actorZipf.next(rnd);
            Node actor = actors.get(ai);
            Node role = k == 0 ? ref.role("carrier") : roleZipf.pick(ref.roles, rnd);
            String actorSlug = actor.getURI().substring(actor.getURI().lastIndexOf('/') + 1);
            String roleSlug = role.getURI().substring(role.getURI().lastIndexOf('/') + 1);
            if (!seen.add(actorSlug + "--" + roleSlug)) continue;
            Node p = iri("partnership", slug + "-" + local + "--" + actorSlug + "--" + roleSlug);
            out.add(action, PROV + "qualifiedAssociation", p);
            out.type(p, AAM + "Partnership");
            String who = actorLabels.get(ai) == null ? actorSlug : actorLabels.get(ai);
            out.fr(p, RDFS + "label", who + " (" + roleSlug + ") — action " + local + " de " + slug);
            out.add(p, PROV + "agent", actor);
            out.add(p, PROV + "hadRole", role);
            out.add(p, PROV + "wasDerivedFrom", section);
            out.fr(p, AAM + "quote", quote(who + " s'engage " + pick(TOPICS) + " aux côtés des partenaires " + inScope() + "."));
        }
    }

    private Node previousFigure;

    private void figure(Node about, Node theme, Node section, String local) {
        Node f = iri("figure", slug + "-f" + local);
        String measured = pick(MEASURED);
        long value = (long) Math.pow(10, 1 + rnd.nextDouble() * 4);
        out.type(f, AAM + "Figure");
        out.fr(f, RDFS + "label", value + " " + measured + " (" + slug + ", " + local + ")");
        out.fr(f, AAM + "quote", quote(value + " " + measured + " " + inScope() + "."));
        if (rnd.nextInt(4) == 0) out.typed(f, AAM + "value", value + "." + rnd.nextInt(10), XSDDatatype.XSDdecimal);
        else out.integer(f, AAM + "value", value);
        out.add(f, AAM + "unit", ref.units.get(rnd.nextInt(ref.units.size())));
        if (rnd.nextInt(3) == 0) out.add(f, AAM + "qualifier", ref.qualifiers.get(rnd.nextInt(ref.qualifiers.size())));
        out.fr(f, AAM + "measures", "Nombre de " + measured + " " + inScope());
        if (rnd.nextInt(10) < 7) {
            out.typed(f, AAM + "refDate", 2019 + rnd.nextInt(7), XSDDatatype.XSDgYear);
            out.add(f, AAM + "dateBasis", stated());
        }
        if (rnd.nextBoolean()) {
            out.add(f, AAM + "figureTerritory", placeNodes.get(rnd.nextInt(placeNodes.size())));
            out.add(f, AAM + "placeBasis", stated());
        }
        out.add(f, AAM + "about", about);
        if (rnd.nextInt(5) < 3) out.add(f, AAM + "theme", theme);
        out.add(f, PROV + "wasDerivedFrom", section);
        if (previousFigure != null && rnd.nextInt(20) == 0) {   // two statements of the document that disagree
            out.add(f, AAM + "inconsistentWith", previousFigure);
            out.add(previousFigure, AAM + "inconsistentWith", f);
            out.fr(f, RDFS + "comment", "Le document donne un autre chiffre ailleurs pour la même mesure.");
        }
        previousFigure = f;
    }

    /** A CSPAMS-like sheet: its number, its six fields (or the mark that the source gives only its title), indicators. */
    private void sheetFields(Node sheet, int i) {
        out.integer(sheet, AAM + "sheetNumber", i + 1);
        if (rnd.nextInt(10) == 0) {
            out.typed(sheet, AAM + "contentMissing", "true", XSDDatatype.XSDboolean);
        } else {
            for (String field : List.of("finding", "operationalObjective", "actionTypology", "implementation",
                    "evaluationIndicators", "vigilancePoints")) {
                out.fr(sheet, AAM + field, capital(pick(ACTIONS)) + " " + pick(TOPICS) + " : " + pick(TOPICS) + ".");
            }
        }
        int indicators = rnd.nextInt(4);
        for (int k = 0; k < indicators; k++) {
            Node ind = iri("indicator", slug + "-s" + (i + 1) + "-" + (k + 1));
            out.type(ind, AAM + "Indicator");
            out.fr(ind, RDFS + "label", "Nombre de " + pick(MEASURED) + " (fiche " + (i + 1) + ")");
            out.add(ind, PROV + "wasDerivedFrom", iri("section", slug + "-introduction"));
            out.add(sheet, AAM + "hasIndicator", ind);
        }
        if (!initiatives.isEmpty() && rnd.nextInt(3) == 0) out.add(sheet, AAM + "citesExample", initiatives.get(rnd.nextInt(initiatives.size())));
        if (rnd.nextInt(4) == 0) {
            out.add(sheet, AAM + "pilotTerritory", placeNodes.get(rnd.nextInt(placeNodes.size())));
            markPlace(sheet);
        }
    }

    // ------------------------------------------------------------------ benchmark extras, findings, professions

    private void indicatorGroups() {
        int groups = 1 + rnd.nextInt(3);
        for (int g = 0; g < groups; g++) {
            Node group = iri("indicator", slug + "-group-" + (g + 1));
            out.type(group, AAM + "IndicatorGroup");
            out.fr(group, RDFS + "label", "Indicateurs " + pick(TOPICS));
            out.add(group, PROV + "wasDerivedFrom", annex);
            int members = 2 + rnd.nextInt(6);
            for (int k = 0; k < members; k++) {
                Node ind = iri("indicator", slug + "-g" + (g + 1) + "-" + (k + 1));
                out.type(ind, AAM + "Indicator");
                out.fr(ind, RDFS + "label", "Part de " + pick(MEASURED) + " (" + slug + ", groupe " + (g + 1) + ")");
                out.add(ind, PROV + "wasDerivedFrom", annex);
                out.add(group, SKOS + "member", ind);
            }
        }
    }

    private void matrix() {
        Node m = iri("matrix", slug + "-matrice");
        out.type(m, AAM + "Matrix");
        out.fr(m, RDFS + "label", "Matrice des initiatives — " + slug);
        out.add(m, PROV + "wasDerivedFrom", intro);
        out.add(m, AAM + "forCategory", axes.get(0));
        int n = Math.min(initiatives.size(), 3 + rnd.nextInt(6));
        for (int k = 0; k < n; k++) {
            Node p = iri("placement", slug + "-matrice--" + (k + 1));
            out.type(p, AAM + "MatrixPlacement");
            out.fr(p, RDFS + "label", "Rang " + (k + 1) + " de la matrice " + slug);
            out.add(p, PROV + "wasDerivedFrom", intro);
            out.fr(p, AAM + "quote", quote("Initiative classée au rang " + (k + 1) + " de la matrice."));
            out.add(p, AAM + "inMatrix", m);
            out.add(p, AAM + "placedAction", initiatives.get(k));
            out.integer(p, AAM + "rank", k + 1);
            out.add(p, AAM + "innovationSide", ref.innovationSides.get(rnd.nextInt(ref.innovationSides.size())));
            out.fr(p, AAM + "legendLabel", "Légende " + (k + 1));
        }
    }

    private void findings() {
        int n = 1 + rnd.nextInt(5);
        for (int k = 0; k < n; k++) {
            boolean obstacle = rnd.nextBoolean();
            Node f = iri("finding", slug + "-" + (obstacle ? "frein-" : "perspective-") + (k + 1));
            out.type(f, AAM + (obstacle ? "Obstacle" : "Perspective"));
            out.fr(f, RDFS + "label", (obstacle ? "Difficulté " : "Piste ") + pick(TOPICS));
            out.add(f, PROV + "wasDerivedFrom", intro);
        }
    }

    private void listedProfessions() {
        Node list = section("metiers", "Les métiers concernés", doc);
        int n = 3 + rnd.nextInt(8);
        Set<Node> listed = new LinkedHashSet<>();
        for (int k = 0; k < n; k++) listed.add(professionZipf.pick(ref.professions, rnd));
        for (Node p : listed) out.add(p, AAM + "listedIn", list);
    }

    // ------------------------------------------------------------------ helpers

    /** The synthetic documents state their places, dates and actor kinds (shapes PlaceIsMarked, DatesAreMarked, Actor). */
    private Node stated() { return iri("basis", "stated"); }

    /** An action's place (aam:place, and a sheet's aam:pilotTerritory) is marked stated once. */
    private void markPlace(Node action) {
        if (placeMarked.add(action)) out.add(action, AAM + "placeBasis", stated());
    }

    private Node iri(String kindPath, String local) { return NodeFactory.createURI(id + kindPath + "/" + local); }

    private String pick(String[] words) { return words[rnd.nextInt(words.length)]; }

    private String inScope() { return scope.parent() == null ? "au niveau national" : "sur le territoire " + scope.label(); }

    private static String capital(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /** Quotes stay short, as the data's rule (≤ 300 characters) says. */
    private static String quote(String s) { return s.length() <= 300 ? s : s.substring(0, 299) + "…"; }
}
