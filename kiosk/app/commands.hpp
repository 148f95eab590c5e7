#pragma once
// Operator subcommands of the `kiosk` executable. Each lives in its own cmd_*.cpp and registers itself
// on the CLI11 app; main.cpp calls every register function once. The command line is a stable
// interface (operators and tests use it): change it only together with README.md and the tests.

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace kiosk::app {

/// Options that apply to the kiosk and to every subcommand.
struct GlobalOptions {
    std::optional<std::string> configPath;  ///< --config FILE (default: the fleet file /etc/kiosk/kiosk.toml)
    bool windowed = false;                  ///< --windowed: a normal window for development
    std::optional<std::string> backend;     ///< --backend URL: overrides backend.url for one run
    std::optional<std::string> tokenFile;   ///< --token-file FILE: overrides backend.token_file for one run
    std::optional<std::string> printer;     ///< --printer URI: overrides printer.uri for one run
};

/// The exit code a subcommand's callback sets; main returns it.
struct CommandResult {
    int exitCode = 0;
};

// Register functions, one per subcommand file. Keep this list in the order of `kiosk --help`.
// (cmd_*.cpp files add their declaration here.)
void registerParseCommand(CLI::App&, GlobalOptions&, CommandResult&);
void registerCheckConfigCommand(CLI::App& app, GlobalOptions& options, CommandResult& result);
/// `kiosk lookup TEXT` (cmd_lookup.cpp).
void registerLookupCommand(CLI::App& cli, GlobalOptions& global, CommandResult& result);
void registerSlip(CLI::App& cli, const GlobalOptions& options, CommandResult& result);       ///< cmd_slip.cpp
void registerPrintTest(CLI::App& cli, const GlobalOptions& options, CommandResult& result);  ///< cmd_print_test.cpp
/// `kiosk scan-image FILE... [--raw]` (cmd_scan_image.cpp).
void registerScanImage(CLI::App& cli, const GlobalOptions& options, CommandResult& result);
/// `kiosk guidance list|search|show`: the online-services guidance catalog (cmd_guidance.cpp).
void registerGuidanceCommand(CLI::App& cli, GlobalOptions& options, CommandResult& result);
/// `kiosk check-backend [--code CODE ...] [--json]`: conformance run against a backend (cmd_check_backend.cpp).
void registerCheckBackendCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);

}  // namespace kiosk::app
