package io.kengine.bench;

/**
 * JVM options every forked benchmark JVM gets through {@code @Fork(jvmArgsAppend = ...)}. The jar's
 * manifest only covers the launcher JVM ({@code java -jar}); JMH starts forks with {@code -cp}, so
 * Chronicle Queue and Agrona need the flags spelled out. All are accepted by Java 17 and 25.
 * (Annotation values must be compile-time constants, hence one constant per flag.)
 */
public final class JvmFlags {
    public static final String EXPORT_NIO = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    public static final String OPEN_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    public static final String EXPORT_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    public static final String EXPORT_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    public static final String OPEN_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    public static final String EXPORT_JAVAC = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    public static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    /** Chronicle logs INFO lines (mappings, disk polls) through slf4j-simple into the middle of JMH's output. */
    public static final String QUIET_LOGS = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    /** A fixed heap: no resizing in the middle of a measurement. */
    public static final String HEAP_MIN = "-Xms2g";
    public static final String HEAP_MAX = "-Xmx2g";

    private JvmFlags() {
    }
}
