#include <CLI/CLI.hpp>
#include <curl/curl.h>

#include <iostream>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/shell/run_kiosk.hpp"

namespace kiosk::app {

int runCli(int argc, char** argv, CliExtension* extension) {
    // libcurl's global state, once, before any thread exists (curl_global_init is not thread-safe).
    curl_global_init(CURL_GLOBAL_DEFAULT);

    CLI::App cli{"Dossier-status kiosk for public administration offices. Without a subcommand it runs the "
                 "fullscreen kiosk.",
                 "kiosk"};
    cli.set_version_flag("--version", std::string{"kiosk "} + KIOSK_VERSION);
    // Global options are matched wherever they stand: subcommands let what they do not know fall
    // through to here (inherited by every subcommand added below).
    cli.fallthrough();
    GlobalOptions options;
    cli.add_option("--config", options.configPath, "Configuration file (default /etc/kiosk/kiosk.toml)");
    cli.add_option("--backend", options.backend, "Backend base URL, overrides backend.url for this run");
    cli.add_option("--token-file", options.tokenFile, "Device token file, overrides backend.token_file");
    cli.add_option("--printer", options.printer,
                   "Printer URI, overrides printer.uri (usb:/dev/usb/lp0, tcp://HOST[:PORT], cups:QUEUE, file:PATH)");
    cli.add_flag("--windowed", options.windowed, "Run in a window instead of fullscreen (development)");
    cli.add_option("--window-size", options.windowSize, "Window size WxH with --windowed (default 1280x720)");
    if (extension != nullptr) extension->addOptions(cli);

    CommandResult result;
    registerParseCommand(cli, options, result);
    registerCheckConfigCommand(cli, options, result);
    registerLookupCommand(cli, options, result);
    registerSlipCommand(cli, options, result);
    registerPrintTestCommand(cli, options, result);
    registerScanImageCommand(cli, options, result);
    registerGuidanceCommand(cli, options, result);
    registerCheckBackendCommand(cli, options, result);
    registerOutboxCommand(cli, options, result);
    registerSetPinCommand(cli, options, result);
    registerProvisionQrCommand(cli, options, result);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        // A usage error: one line naming the problem, exit 2 (as getopt-style tools do).
        std::cerr << "kiosk: " << e.what() << " (kiosk --help lists the options)\n";
        return 2;
    }
    if (cli.get_subcommands().empty()) {
        return runKiosk(options, extension != nullptr ? extension->kioskExtras() : KioskExtras{});
    }
    return result.exitCode;
}

}  // namespace kiosk::app
