package io.kengine.engine.cli;

import io.kengine.engine.ops.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "reload", mixinStandardHelpOptions = true,
    description = {"Makes a running engine re-read its configuration file now (it also does when the file changes).",
        "Changed strategy parameters are journaled as ConfigChange events; an invalid file changes nothing (exit 3)."})
final class ReloadCommand implements Callable<Integer> {
    @Mixin
    ControlOptions control;

    @Override
    public Integer call() {
        try {
            ControlClient.Response r = control.client().post("/reload", Map.of());
            String text = textOf(r.body());
            (r.ok() ? System.out : System.err).println(text);
            return r.ok() ? ExitCodes.OK : r.status() == 422 ? ExitCodes.CONFIG : ExitCodes.RUNTIME;
        } catch (ControlClient.Unreachable e) {
            System.err.println("reload: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
    }

    /** The "text" member of the reply (the reply is our own JSON, so a small reader suffices). */
    static String textOf(String json) {
        int at = json.indexOf("\"text\":\"");
        if (at < 0) {
            return json.strip();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = at + 8; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < json.length()) {
                char n = json.charAt(++i);
                switch (n) {
                    case 'n': sb.append('\n'); break;
                    case 'r': break;
                    case 't': sb.append('\t'); break;
                    case 'u': sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16)); i += 4; break;
                    default: sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
