// `kiosk check-config [FILE]`: validates one configuration file layered on the built-in defaults (the
// local overrides file is not read: this checks what a fleet would deploy). FILE defaults to --config,
// then /etc/kiosk/kiosk.toml. Output goes to stdout so a script can capture it in one stream:
// "FILE: ok" and exit 0, or one `FILE:LINE: KEY: message` line per problem and exit 2.

#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/core/config/config_loader.hpp"

namespace kiosk::app {

void registerCheckConfigCommand(CLI::App& app, const GlobalOptions& options, CommandResult& result) {
    auto file = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("check-config", "Validate a configuration file (exit 0 valid, 2 invalid)");
    cmd->add_option("FILE", *file, "Configuration file to check (default: --config, else /etc/kiosk/kiosk.toml)");
    cmd->callback([file, &options, &result] {
        if (file->empty()) *file = options.configPath.value_or(core::ConfigFiles{}.fleetFile);
        core::ConfigFiles files;
        files.fleetFile = *file;
        files.fleetExplicit = true;
        files.useLocal = false;
        const core::ConfigReport report = core::loadConfig(files);
        if (report.ok()) {
            std::cout << *file << ": ok\n";
            result.exitCode = 0;
            return;
        }
        for (const core::ConfigIssue& issue : report.issues) std::cout << core::formatIssue(issue) << "\n";
        result.exitCode = 2;
    });
}

}  // namespace kiosk::app
