package dev.paceline.simulator.service;

import jakarta.enterprise.context.ApplicationScoped;

/** The "application inactive" switch: while off, every Strava call answers 403 with Strava's body. */
@ApplicationScoped
public class ApplicationStatus {

    private volatile boolean active = true;

    public boolean active() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
