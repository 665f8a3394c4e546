package io.kengine.config;

/**
 * A rule across parameters that no single definition can express, e.g. a maximum order size no
 * larger than the maximum position. It runs on a set whose values are each already valid.
 */
@FunctionalInterface
public interface ParameterConstraint {

    void check(ParameterSet params, Violations violations);

    /** Where a constraint reports what it found wrong. */
    interface Violations {
        /** Records a problem with the parameter {@code key}; {@code reason} should say why. */
        void add(String key, String reason);

        /** How the user sees {@code key} (e.g. {@code strategy.risk.maxPosition} in a YAML file). */
        String pathOf(String key);
    }

    /** {@code key}'s value must not exceed {@code limitKey}'s; both of the same numeric kind. */
    static ParameterConstraint notAbove(String key, String limitKey) {
        return (params, violations) -> {
            ParameterDef def = params.def(key);
            ParameterDef limit = params.def(limitKey);
            if (def.kind() != limit.kind()) {
                throw new IllegalStateException("cannot compare " + key + " (" + def.kind() + ") with "
                    + limitKey + " (" + limit.kind() + ")");
            }
            if (params.asLong(key) > params.asLong(limitKey)) {
                violations.add(key, params.value(key) + " is above " + violations.pathOf(limitKey)
                    + " (" + params.value(limitKey) + ")");
            }
        };
    }
}
