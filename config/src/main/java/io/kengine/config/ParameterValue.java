package io.kengine.config;

/** One parameter of a {@link ParameterSet}: its definition and canonical value text. */
public record ParameterValue(ParameterDef def, String value) {
    public String key() {
        return def.key();
    }
}
