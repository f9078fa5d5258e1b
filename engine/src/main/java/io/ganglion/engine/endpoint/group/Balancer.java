package io.ganglion.engine.endpoint.group;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The selection state of one load-balance group: a turn counter, smooth weighted round-robin
 * weights and the requests in flight per child. Thread-safe: counters are atomic; weighted picks
 * are serialized on the monitor.
 */
final class Balancer {

    private final Algorithm algorithm;
    private final int[] weights;
    private final int[] currentWeights;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicIntegerArray active;

    Balancer(Algorithm algorithm, int[] weights) {
        this.algorithm = algorithm;
        this.weights = weights.clone();
        this.currentWeights = new int[weights.length];
        this.active = new AtomicIntegerArray(weights.length);
    }

    /** The next child among those not yet tried, or -1. */
    int pick(boolean[] tried) {
        switch (algorithm) {
            case WEIGHTED_ROUND_ROBIN:
                return weighted(tried);
            case LEAST_ACTIVE_REQUESTS:
                return leastActive(tried);
            default:
                return roundRobin(tried);
        }
    }

    private int roundRobin(boolean[] tried) {
        int n = tried.length;
        int start = Math.floorMod(turn.getAndIncrement(), n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (!tried[i]) {
                return i;
            }
        }
        return -1;
    }

    /** nginx's smooth weighted round robin: spreads a child's share evenly over the cycle. */
    private synchronized int weighted(boolean[] tried) {
        int best = -1;
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (tried[i]) {
                continue;
            }
            currentWeights[i] += weights[i];
            total += weights[i];
            if (best < 0 || currentWeights[i] > currentWeights[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            currentWeights[best] -= total;
        }
        return best;
    }

    private int leastActive(boolean[] tried) {
        int n = tried.length;
        int start = Math.floorMod(turn.getAndIncrement(), n);
        int best = -1;
        double bestLoad = Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (tried[i]) {
                continue;
            }
            double load = (double) active.get(i) / weights[i];
            if (load < bestLoad) {
                best = i;
                bestLoad = load;
            }
        }
        return best;
    }

    void started(int i) {
        active.incrementAndGet(i);
    }

    void ended(int i) {
        active.decrementAndGet(i);
    }

    /** Requests in flight on child {@code i}. */
    int active(int i) {
        return active.get(i);
    }
}
