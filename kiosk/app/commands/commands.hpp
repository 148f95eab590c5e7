#pragma once
// The `kiosk` command line: the kiosk itself (no subcommand) and the operator subcommands, one per
// cmd_*.cpp. runCli() registers them all on one CLI11 app; global options (--config, --backend, ...)
// work before or after the subcommand's name. The command line is a stable interface (operators and
// tests use it): change it only together with README.md and the tests.

#include "kiosk/app/composition/global_options.hpp"
#include "kiosk/app/shell/shell_hooks.hpp"

namespace CLI {
class App;
}

namespace kiosk::app {

/// The exit code a subcommand's callback sets; runCli returns it.
struct CommandResult {
    int exitCode = 0;
};

/// What a test build adds to the command line (tests/support/kiosk_test): its own options, and the
/// hooks, clock and lookup the kiosk screen then runs with.
class CliExtension {
public:
    virtual ~CliExtension() = default;
    virtual void addOptions(CLI::App& cli) = 0;
    virtual KioskExtras kioskExtras() = 0;
};

/// Parses the command line and runs the kiosk or the subcommand it names.
/// @return the exit code: the subcommand's, the kiosk's, or 2 for a usage error (one line on stderr)
int runCli(int argc, char** argv, CliExtension* extension = nullptr);

// Register functions, one per subcommand file, in the order of `kiosk --help`.
void registerParseCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);        ///< cmd_parse.cpp
void registerCheckConfigCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);  ///< cmd_check_config.cpp
void registerLookupCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);       ///< cmd_lookup.cpp
void registerSlipCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);         ///< cmd_slip.cpp
void registerPrintTestCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);    ///< cmd_print_test.cpp
void registerScanImageCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);    ///< cmd_scan_image.cpp
void registerGuidanceCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);     ///< cmd_guidance.cpp
void registerCheckBackendCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result); ///< cmd_check_backend.cpp
void registerOutboxCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);       ///< cmd_outbox.cpp
void registerSetPinCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);       ///< cmd_set_pin.cpp
void registerProvisionQrCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result);  ///< cmd_provision_qr.cpp

}  // namespace kiosk::app
