package io.kengine.protocol.wire.json;

/** An enum whose constants have a fixed JSON spelling ({@code "good_till_canceled"}). */
public interface WireEnum {
    String wireName();

    /** The constant spelled {@code name} on the wire, or null. */
    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
