package io.ganglion.engine.config;

/**
 * One problem found while loading or validating a repository.
 *
 * @param location where, or null when it concerns no particular file
 * @param message what is wrong
 */
public record ConfigProblem(Location location, String message) {

    @Override
    public String toString() {
        return location == null ? message : location + ": " + message;
    }
}
