package dev.paceline.ingest.sim;

/** The simulated death of the process between two lake writes (an Error: nothing in ingest catches it). */
public class SimulatedCrash extends Error {

    public SimulatedCrash(String path) {
        super("simulated crash before writing " + path);
    }
}
