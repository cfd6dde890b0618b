package fr.aam.remote;

/** The remote-engine contract against a standalone Apache Jena Fuseki 5.6.0. */
class FusekiEngineTest extends RemoteEngineContract {
    @Override EngineProcess newEngine() { return new FusekiProcess(); }
}
