// `kiosk check-config FILE`: validates one configuration file layered on the built-in defaults (the
// local overrides file is not read: this checks what a fleet would deploy). Output goes to stdout so a
// script can capture it in one stream: "FILE: ok" and exit 0, or one `FILE:LINE: KEY: message` line per
// problem and exit 2.

#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/config/config_loader.hpp"

namespace kiosk::app {

void registerCheckConfigCommand(CLI::App& app, GlobalOptions& /*options*/, CommandResult& result) {
    auto file = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("check-config", "Validate a configuration file (exit 0 valid, 2 invalid)");
    cmd->add_option("FILE", *file, "Configuration file to check")->required();
    cmd->callback([file, &result] {
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
