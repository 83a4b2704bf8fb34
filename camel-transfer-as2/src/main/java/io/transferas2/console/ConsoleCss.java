package io.transferas2.console;

import java.nio.charset.StandardCharsets;

/** The console's one stylesheet, served by the station. */
final class ConsoleCss {
    static final byte[] CSS = ("""
            body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
            header{display:flex;gap:1.5em;align-items:center;background:#23395d;color:#fff;padding:.5em 1em}
            header a{color:#fff;margin-right:1em;text-decoration:none}header .brand{font-weight:bold}
            header form.logout{margin-left:auto}main{padding:1em}
            table{border-collapse:collapse;width:100%;margin:.5em 0;background:#fff}
            th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;font-size:.9em;vertical-align:top}
            tr.failed td.st,.failure .code{color:#c0392b;font-weight:bold}tr.completed td.st{color:#2e7d32}
            tr.expired{background:#fde2e0}tr.soon{background:#fff3cd}tr.fine{background:#fff}
            span.expired{background:#fde2e0;padding:0 .4em}span.soon{background:#fff3cd;padding:0 .4em}
            span.fine{border:1px solid #ddd;padding:0 .4em}.now{font-weight:bold;color:#23395d}
            form.filter{display:flex;flex-wrap:wrap;gap:.5em;align-items:end}form.filter label{display:flex;
            flex-direction:column;font-size:.8em}form.login{display:flex;flex-direction:column;max-width:20em;gap:.5em}
            .failure{border-left:4px solid #c0392b;background:#fff;padding:.2em 1em}.error{color:#c0392b}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
            pre{background:#fff;border:1px solid #ddd;padding:.5em;overflow:auto}
            a.action{display:inline-block;border:1px solid #23395d;padding:.2em .6em;margin-right:.5em}
            .ranges a.current{font-weight:bold}
            """).getBytes(StandardCharsets.UTF_8);

    private ConsoleCss() {
    }
}
