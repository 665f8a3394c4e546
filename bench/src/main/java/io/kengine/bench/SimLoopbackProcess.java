package io.kengine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback harness's simulator in a JVM of its own, as the exchange is in production: its
 * allocation, GC pauses and threads then stay out of the engine JVM's figures.
 *
 * <p>Child side ({@link #main}: {@code <markets> <public key PEM file>}): starts {@link LoopbackMarkets},
 * prints {@code port <n>} as its only stdout line, then performs one step per byte read from stdin (the
 * bytes that arrived together in one exchange call, {@link LoopbackMarkets#steps}) and exits at end of
 * input. Logs go to stderr.
 *
 * <p>Parent side ({@link #start}): launches the child with this JVM's {@code java} and class path and
 * sends it one byte per step, flushed at once, so a step leaves at the time the open-loop driver
 * planned it.
 */
final class SimLoopbackProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream steps;
    private final int port;

    private SimLoopbackProcess(Process process, OutputStream steps, int port) {
        this.process = process;
        this.steps = steps;
        this.port = port;
    }

    static SimLoopbackProcess start(int markets, String publicKeyPem) throws IOException {
        Path pem = Files.createTempFile("kengine-bench-key", ".pem");
        Files.writeString(pem, publicKeyPem);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms1g");
        command.add("-Xmx1g");
        String fillDeltaOwner = System.getProperty("bench.fillDeltaOwner");
        if (fillDeltaOwner != null) {
            command.add("-Dbench.fillDeltaOwner=" + fillDeltaOwner);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SimLoopbackProcess.class.getName());
        command.add(Integer.toString(markets));
        command.add(pem.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null || !line.startsWith("port ")) {
                p.destroyForcibly();
                throw new IOException("the simulator process did not report its port (got " + line + ")");
            }
            return new SimLoopbackProcess(p, p.getOutputStream(), Integer.parseInt(line.substring(5).trim()));
        } finally {
            Files.deleteIfExists(pem);
        }
    }

    int port() {
        return port;
    }

    /** One step now: a one-byte write to the child's stdin (one syscall, no allocation). */
    void step() throws IOException {
        steps.write(1);
        steps.flush();
    }

    @Override
    public void close() throws Exception {
        try {
            steps.close(); // end of input: the child closes its server and exits
        } catch (IOException ignored) {
            // already gone: destroyed below
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SimLoopbackProcess <markets> <public key PEM file>");
            System.exit(2);
        }
        PrintStream out = System.out;
        System.setOut(System.err); // stdout carries the port line only
        try (LoopbackMarkets markets = new LoopbackMarkets(Integer.parseInt(args[0]), Files.readString(Path.of(args[1])))) {
            out.println("port " + markets.port());
            out.flush();
            InputStream in = System.in;
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                markets.steps(n); // every step that has arrived: one byte each
            }
        }
        System.exit(0);
    }
}
