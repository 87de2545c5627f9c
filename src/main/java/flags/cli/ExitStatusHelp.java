package flags.cli;

import picocli.CommandLine.Command;

/** The exit statuses of the download commands, declared once: a mixin's {@code @Command} shows in each one's help. */
@Command(
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "  0:every code ended ok or not found",
            "  1:at least one code ended in an error, or standard output failed",
            "  2:usage error (bad option, code, input file or output directory)",
            "130:interrupted (Ctrl-C)",
            "141:standard output closed (a pipe into head), as by SIGPIPE",
            "143:stopped by SIGTERM (kill): as Ctrl-C, with the status a shell gives a TERM"
        })
public final class ExitStatusHelp {}
