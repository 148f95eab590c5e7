// kiosk: the dossier-status kiosk. Without a subcommand it runs the fullscreen kiosk; the subcommands
// are operator and test tools (see README.md, "Command line").

#include <CLI/CLI.hpp>
#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include "kiosk/app/app.hpp"
#include "kiosk/app/commands.hpp"

int main(int argc, char** argv) {
    using namespace kiosk::app;

    // 0. libcurl's global state, once, before any thread exists (curl_global_init is not thread-safe).
    curl_global_init(CURL_GLOBAL_DEFAULT);

    // 1. Command line: global options, then one register call per subcommand.
    CLI::App cli{"Dossier-status kiosk for public administration offices", "kiosk"};
    cli.set_version_flag("--version", std::string{"kiosk "} + KIOSK_VERSION);
    GlobalOptions options;
    cli.add_option("--config", options.configPath, "Configuration file (default /etc/kiosk/kiosk.toml)");
    cli.add_flag("--windowed", options.windowed, "Run in a window instead of fullscreen (development)");
    cli.add_option("--backend", options.backend, "Backend base URL, overrides backend.url for this run");
    cli.add_option("--token-file", options.tokenFile, "Device token file, overrides backend.token_file");
    cli.add_option("--printer", options.printer, "Printer URI (usb:/dev/usb/lp0, tcp://HOST:PORT, cups:QUEUE, file:PATH)");
    CommandResult result;
    // (subcommands register here)
    registerParseCommand(cli, options, result);
    registerCheckConfigCommand(cli, options, result);
    registerLookupCommand(cli, options, result);
    registerSlip(cli, options, result);
    registerPrintTest(cli, options, result);
    registerScanImage(cli, options, result);
    registerGuidanceCommand(cli, options, result);
    registerCheckBackendCommand(cli, options, result);
    registerKioskOptions(cli);

    CLI11_PARSE(cli, argc, argv);
    if (cli.get_subcommands().empty()) {
        return runKiosk(options);
    }
    return result.exitCode;
}
