package io.kengine.feed.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Pass one of decoding: a strict, allocation-free JSON validator over the frame's bytes that records,
 * for the envelope and its {@code msg} object, where each known field's value lies (type, span,
 * flags). Unknown fields, objects and arrays are validated and skipped.
 *
 * <p>Strict on purpose: whatever it accepts, Jackson (the reference reader, {@code WsCodec}) accepts
 * too, so a frame never means one thing to the engine and another to the tools. It enforces RFC 8259
 * grammar (numbers, literals, the four whitespace bytes, escapes), refuses control bytes in strings,
 * validates UTF-8 per RFC 3629 (stricter than Jackson, which lets overlong forms through), refuses
 * unpaired surrogate escapes, refuses duplicate keys at every depth (as the reference reader does),
 * and refuses escaped keys (Kalshi never escapes a key; an escape could spell a known field under a
 * different byte sequence and slip past the duplicate check). Limits: {@link #MAX_DEPTH} nesting,
 * {@link #MAX_KEYS} unknown keys per object, {@link #MAX_NUMBER_LENGTH} characters per number,
 * {@link #MAX_KEY_LENGTH} bytes per key.
 *
 * <p>Methods return the position after what they read, or -1 after recording the reason and where.
 */
final class JsonScanner {
    // value types
    static final int NONE = 0;
    static final int STRING = 1;
    static final int INT = 2;
    static final int FLOAT = 3;
    static final int TRUE = 4;
    static final int FALSE = 5;
    static final int NULL = 6;
    static final int OBJECT = 7;
    static final int ARRAY = 8;

    // string flags
    static final int ESCAPED = 1;
    static final int NON_ASCII = 2;

    // object contexts: which field table (if any) records the keys
    static final int CTX_OTHER = 0;
    static final int CTX_ROOT = 1;
    static final int CTX_MSG = 2;

    static final int MAX_DEPTH = 32;
    static final int MAX_KEYS = 64;
    static final int MAX_NUMBER_LENGTH = 64;
    /** Far below Jackson's own name limit, so no key the reference reader refuses gets through. */
    static final int MAX_KEY_LENGTH = 256;

    /** Where each known field's value lies in the current frame. */
    static final class Slots {
        final int[] type;
        final int[] start;
        final int[] end;
        final int[] flags;
        private final int[] gen;
        private int current;

        Slots(int size) {
            type = new int[size];
            start = new int[size];
            end = new int[size];
            flags = new int[size];
            gen = new int[size];
        }

        /** Forgets every field in O(1): a slot counts only if stamped with the current generation. */
        void newFrame() {
            if (++current == Integer.MAX_VALUE) {
                java.util.Arrays.fill(gen, 0);
                current = 1;
            }
        }

        boolean seen(int id) {
            return gen[id] == current;
        }

        /** Present and not JSON null (the reference reader treats null as absent). */
        boolean has(int id) {
            return gen[id] == current && type[id] != NULL;
        }

        void record(int id, int t, int s, int e, int f) {
            gen[id] = current;
            type[id] = t;
            start[id] = s;
            end[id] = e;
            flags[id] = f;
        }
    }

    final Slots root = new Slots(Fields.ROOT.size());
    final Slots msg = new Slots(Fields.MSG_TABLE.size());

    byte[] b;
    int end;
    MalformedReason error;
    int errorAt;

    /** The value just read: type, span (string: content without quotes; others: the token or [ '{', after '}' )). */
    int vType;
    int vStart;
    int vEnd;
    int vFlags;

    private final int[] ukHash = new int[MAX_DEPTH * MAX_KEYS];
    private final int[] ukStart = new int[MAX_DEPTH * MAX_KEYS];
    private final int[] ukLength = new int[MAX_DEPTH * MAX_KEYS];

    /** Validates a whole frame whose root must be an object; true when it is one well-formed document. */
    boolean scanDocument(byte[] bytes, int offset, int length) {
        b = bytes;
        end = offset + length;
        error = null;
        errorAt = -1;
        root.newFrame();
        msg.newFrame();
        int p = skipWs(offset);
        if (p >= end) {
            return fail(MalformedReason.TRUNCATED, p) >= 0;
        }
        if (b[p] != '{') {
            // A well-formed non-object root is a type error for the reference reader; either way, refused.
            return fail(b[p] == '[' || b[p] == '"' ? MalformedReason.WRONG_TYPE : MalformedReason.BAD_JSON, p) >= 0;
        }
        p = object(p, 0, CTX_ROOT);
        if (p < 0) {
            return false;
        }
        p = skipWs(p);
        if (p != end) {
            return fail(MalformedReason.BAD_JSON, p) >= 0;
        }
        return true;
    }

    int fail(MalformedReason reason, int at) {
        if (error == null) {
            error = reason;
            errorAt = at;
        }
        return -1;
    }

    int skipWs(int p) {
        final byte[] b = this.b;
        final int end = this.end;
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** Reads the value starting at {@code p} (not whitespace); fills {@code v*}. */
    int value(int p, int depth, int ctx) {
        if (p >= end) {
            return fail(MalformedReason.TRUNCATED, p);
        }
        int q;
        switch (b[p]) {
            case '"':
                q = string(p + 1);
                if (q < 0) {
                    return -1;
                }
                vType = STRING;
                vStart = p + 1;
                vEnd = q - 1;
                vFlags = sFlags;
                return q;
            case '{':
                if (depth + 1 >= MAX_DEPTH) {
                    return fail(MalformedReason.TOO_COMPLEX, p);
                }
                q = object(p, depth + 1, ctx);
                if (q < 0) {
                    return -1;
                }
                vType = OBJECT;
                vStart = p;
                vEnd = q;
                vFlags = 0;
                return q;
            case '[':
                if (depth + 1 >= MAX_DEPTH) {
                    return fail(MalformedReason.TOO_COMPLEX, p);
                }
                q = array(p, depth + 1);
                if (q < 0) {
                    return -1;
                }
                vType = ARRAY;
                vStart = p;
                vEnd = q;
                vFlags = 0;
                return q;
            case 't':
                return literal(p, TRUE_BYTES, TRUE);
            case 'f':
                return literal(p, FALSE_BYTES, FALSE);
            case 'n':
                return literal(p, NULL_BYTES, NULL);
            default:
                return number(p);
        }
    }

    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};

    private int literal(int p, byte[] word, int type) {
        for (int i = 0; i < word.length; i++) {
            if (p + i >= end) {
                return fail(MalformedReason.TRUNCATED, p + i);
            }
            if (b[p + i] != word[i]) {
                return fail(MalformedReason.BAD_JSON, p + i);
            }
        }
        vType = type;
        vStart = p;
        vEnd = p + word.length;
        vFlags = 0;
        return p + word.length;
    }

    private int number(int p) {
        int s = p;
        if (b[p] == '-') {
            p++;
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
        }
        int c = b[p];
        if (c == '0') {
            p++;
        } else if (c >= '1' && c <= '9') {
            p++;
            while (p < end && isDigit(b[p])) {
                p++;
            }
        } else {
            return fail(MalformedReason.BAD_JSON, p);
        }
        int type = INT;
        if (p < end && b[p] == '.') {
            type = FLOAT;
            p++;
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
            if (!isDigit(b[p])) {
                return fail(MalformedReason.BAD_JSON, p);
            }
            while (p < end && isDigit(b[p])) {
                p++;
            }
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            type = FLOAT;
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
            if (!isDigit(b[p])) {
                return fail(MalformedReason.BAD_JSON, p);
            }
            while (p < end && isDigit(b[p])) {
                p++;
            }
        }
        if (p - s > MAX_NUMBER_LENGTH) {
            return fail(MalformedReason.BAD_NUMBER, s);
        }
        vType = type;
        vStart = s;
        vEnd = p;
        vFlags = 0;
        return p;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private int sFlags;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    /**
     * {@code p} is just after the opening quote; returns the position after the closing quote. Keys and
     * values alike: no hash here (a key's hash is {@link #keyHash}, from its span, once it is known).
     */
    private int string(int p) {
        final byte[] b = this.b;
        final int end = this.end;
        // Fast path, 8 bytes at a time: plain printable ASCII has no '"', '\\', byte below 0x20 or high bit.
        // Each test flags the lowest matching byte exactly (borrows only spill upwards), so the lowest flagged
        // byte is the first special one.
        while (p <= end - 8) {
            long x = (long) LONGS.get(b, p);
            long q = x ^ QUOTES;
            long e = x ^ BACKSLASHES;
            long special = (((q - ONES) & ~q) | ((e - ONES) & ~e) | ((x - SPACES) & ~x) | x) & HIGHS;
            if (special != 0) {
                p += Long.numberOfTrailingZeros(special) >>> 3;
                if (b[p] == '"') {
                    sFlags = 0;
                    return p + 1;
                }
                return stringSlow(p, 0);
            }
            p += 8;
        }
        // Tail: byte at a time (a signed byte below 0x20 is a control byte or part of UTF-8).
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                sFlags = 0;
                return p + 1;
            }
            if (c < 0x20 || c == '\\') {
                break;
            }
            p++;
        }
        return stringSlow(p, 0);
    }

    private int stringSlow(int p, int flags) {
        while (true) {
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
            int c = b[p] & 0xFF;
            if (c == '"') {
                sFlags = flags;
                return p + 1;
            }
            if (c == '\\') {
                flags |= ESCAPED;
                p = escape(p + 1);
                if (p < 0) {
                    return -1;
                }
            } else if (c < 0x20) {
                return fail(MalformedReason.BAD_JSON, p);
            } else if (c >= 0x80) {
                flags |= NON_ASCII;
                p = utf8(p, c);
                if (p < 0) {
                    return -1;
                }
            } else {
                p++;
            }
        }
    }

    /**
     * A key's first 8 bytes {@code b[s, s + min(len, 8))} as a little-endian long, zero-padded when the key
     * is shorter. {@code limit} bounds how far past the key the array may be read (a short key is read as
     * 8 bytes and masked when the array allows it).
     */
    static long first8(byte[] b, int s, int len, int limit) {
        if (len >= 8) {
            return (long) LONGS.get(b, s);
        }
        if (s <= limit - 8) {
            return (long) LONGS.get(b, s) & ((1L << (len << 3)) - 1);
        }
        long a = 0;
        for (int i = 0; i < len; i++) {
            a |= (b[s + i] & 0xFFL) << (i << 3);
        }
        return a;
    }

    /** A key's last 8 bytes as a little-endian long when it has at least 8, else 0. */
    static long last8(byte[] b, int s, int len) {
        return len >= 8 ? (long) LONGS.get(b, s + len - 8) : 0;
    }

    /**
     * The hash of a key, as {@link FieldTable} indexes its names: from its length and its first and last 8
     * bytes. Equal bytes give equal hashes; different keys may collide and are told apart by comparing bytes.
     */
    static int keyHash(long first8, long last8, int len) {
        long h = (first8 * 0x9E3779B97F4A7C15L) ^ (last8 * 0xC2B2AE3D27D4EB4FL) ^ len;
        return (int) (h ^ (h >>> 29));
    }

    /** {@code p} is just after the backslash. */
    private int escape(int p) {
        if (p >= end) {
            return fail(MalformedReason.TRUNCATED, p);
        }
        switch (b[p]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                return p + 1;
            case 'u': {
                int u = hex4(p + 1);
                if (u < 0) {
                    return -1;
                }
                if (u >= 0xDC00 && u <= 0xDFFF) {
                    return fail(MalformedReason.BAD_JSON, p); // low surrogate without a high one
                }
                if (u >= 0xD800 && u <= 0xDBFF) {
                    // a high surrogate must be followed by an escaped low surrogate
                    int q = p + 5;
                    if (q + 1 >= end) {
                        return fail(MalformedReason.TRUNCATED, q);
                    }
                    if (b[q] != '\\' || b[q + 1] != 'u') {
                        return fail(MalformedReason.BAD_JSON, q);
                    }
                    int low = hex4(q + 2);
                    if (low < 0) {
                        return -1;
                    }
                    if (low < 0xDC00 || low > 0xDFFF) {
                        return fail(MalformedReason.BAD_JSON, q);
                    }
                    return q + 6;
                }
                return p + 5;
            }
            default:
                return fail(MalformedReason.BAD_JSON, p);
        }
    }

    private int hex4(int p) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            if (p + i >= end) {
                return fail(MalformedReason.TRUNCATED, p + i);
            }
            int c = b[p + i];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                return fail(MalformedReason.BAD_JSON, p + i);
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** One UTF-8 sequence starting with byte {@code c} (≥ 0x80) at {@code p}; RFC 3629 well-formedness. */
    private int utf8(int p, int c) {
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) {
                lo = 0xA0; // overlong
            } else if (c == 0xED) {
                hi = 0x9F; // UTF-16 surrogates
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) {
                lo = 0x90; // overlong
            } else if (c == 0xF4) {
                hi = 0x8F; // above U+10FFFF
            }
        } else {
            return fail(MalformedReason.BAD_JSON, p);
        }
        for (int i = 1; i <= n; i++) {
            if (p + i >= end) {
                return fail(MalformedReason.TRUNCATED, p + i);
            }
            int d = b[p + i] & 0xFF;
            if (d < lo || d > hi) {
                return fail(MalformedReason.BAD_JSON, p + i);
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return p + n + 1;
    }

    /** {@code p} is at '{'. Keys of CTX_ROOT / CTX_MSG objects are looked up and their values recorded. */
    private int object(int p, int depth, int ctx) {
        final int base = depth * MAX_KEYS;
        int unknown = 0;
        p = skipWs(p + 1);
        if (p >= end) {
            return fail(MalformedReason.TRUNCATED, p);
        }
        if (b[p] == '}') {
            return p + 1;
        }
        while (true) {
            if (b[p] != '"') {
                return fail(MalformedReason.BAD_JSON, p);
            }
            int ks = p + 1;
            int q = string(ks);
            if (q < 0) {
                return -1;
            }
            int klen = q - 1 - ks;
            if ((sFlags & ESCAPED) != 0) {
                return fail(MalformedReason.BAD_STRING, ks);
            }
            if (klen > MAX_KEY_LENGTH) {
                return fail(MalformedReason.TOO_COMPLEX, ks);
            }
            long k8 = first8(b, ks, klen, end);
            long z8 = last8(b, ks, klen);
            int hash = keyHash(k8, z8, klen);
            Slots slots = null;
            int id = -1;
            if (ctx == CTX_ROOT) {
                slots = root;
                id = Fields.ROOT.lookup(b, ks, klen, hash, k8, z8);
            } else if (ctx == CTX_MSG) {
                slots = msg;
                id = Fields.MSG_TABLE.lookup(b, ks, klen, hash, k8, z8);
            }
            if (id >= 0) {
                if (slots.seen(id)) {
                    return fail(MalformedReason.DUPLICATE_KEY, ks);
                }
            } else {
                for (int i = base; i < base + unknown; i++) {
                    if (ukHash[i] == hash && ukLength[i] == klen && sameBytes(ukStart[i], ks, klen)) {
                        return fail(MalformedReason.DUPLICATE_KEY, ks);
                    }
                }
                if (unknown == MAX_KEYS) {
                    return fail(MalformedReason.TOO_COMPLEX, ks);
                }
                ukHash[base + unknown] = hash;
                ukStart[base + unknown] = ks;
                ukLength[base + unknown] = klen;
                unknown++;
            }
            p = skipWs(q);
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
            if (b[p] != ':') {
                return fail(MalformedReason.BAD_JSON, p);
            }
            p = skipWs(p + 1);
            int childCtx = ctx == CTX_ROOT && id == Fields.R_MSG ? CTX_MSG : CTX_OTHER;
            p = value(p, depth, childCtx);
            if (p < 0) {
                return -1;
            }
            if (id >= 0) {
                slots.record(id, vType, vStart, vEnd, vFlags);
            }
            p = skipWs(p);
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
            byte c = b[p];
            if (c == '}') {
                return p + 1;
            }
            if (c != ',') {
                return fail(MalformedReason.BAD_JSON, p);
            }
            p = skipWs(p + 1);
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
        }
    }

    private boolean sameBytes(int a, int c, int length) {
        for (int i = 0; i < length; i++) {
            if (b[a + i] != b[c + i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code p} is at '['. Elements are validated, never recorded. */
    private int array(int p, int depth) {
        p = skipWs(p + 1);
        if (p >= end) {
            return fail(MalformedReason.TRUNCATED, p);
        }
        if (b[p] == ']') {
            return p + 1;
        }
        while (true) {
            p = value(p, depth, CTX_OTHER);
            if (p < 0) {
                return -1;
            }
            p = skipWs(p);
            if (p >= end) {
                return fail(MalformedReason.TRUNCATED, p);
            }
            byte c = b[p];
            if (c == ']') {
                return p + 1;
            }
            if (c != ',') {
                return fail(MalformedReason.BAD_JSON, p);
            }
            p = skipWs(p + 1);
        }
    }
}
