// `kiosk check-backend [--code CODE ...] [--json]`: the conformance run an integrator points at their
// adapter (kiosk/app/conformance/backend_conformance.hpp). The backend, token and limits come from the
// configuration like every other subcommand (--config, --backend, --token-file). Prints a table, or one
// JSON document with --json. Exit 0 when the backend conforms, 1 when a check failed, 2 on a usage or
// configuration error (one line on stderr).

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <variant>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/conformance/backend_conformance.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::app {
namespace {

// A usage or configuration error: one line on stderr (several config problems are joined with "; ").
int usageError(std::string message) {
    for (auto pos = message.find('\n'); pos != std::string::npos; pos = message.find('\n', pos)) message.replace(pos, 1, "; ");
    std::cerr << "kiosk check-backend: " << message << std::endl;
    return 2;
}

int runCheckBackend(const GlobalOptions& global, const std::vector<std::string>& receipts, bool asJson) {
    spdlog::set_default_logger(spdlog::stderr_color_mt("check-backend"));
    spdlog::set_level(spdlog::level::warn);
    auto loaded = loadSettingsFor(global);
    if (!loaded) return usageError(loaded.error().message);
    const core::Settings& settings = loaded->settings;

    // Each --code is read the way the kiosk reads a receipt (configured pattern and trusted hosts). Its
    // text is never echoed: a lookup URL may carry a citizen ID number.
    ConformanceTargets targets;
    for (std::size_t i = 0; i < receipts.size(); ++i) {
        const core::ReceiptReading reading = core::readReceipt(receipts[i], settings.receipt);
        if (const auto* code = std::get_if<core::DossierCode>(&reading)) {
            targets.codes.push_back(*code);
        } else if (const auto* token = std::get_if<core::ReceiptToken>(&reading)) {
            targets.tokens.push_back(*token);
        } else {
            return usageError("--code number " + std::to_string(i + 1) +
                              " is neither a dossier code nor a receipt link the kiosk reads (" +
                              std::string{core::toString(std::get<core::NotAReceipt>(reading).reason)} + ")");
        }
    }
    auto zone = officeTimeZone(settings);
    if (!zone) return usageError(zone.error().message);
    targets.zone = std::move(*zone);
    auto options = backendOptionsFrom(settings.backend);
    if (!options) return usageError(options.error().diagnostic);
    if (options->token.empty()) {
        return usageError("no device token: pass --token-file FILE (or set backend.token_file); the contract requires one");
    }
    Devices devices = buildDevices(settings, DeviceSet::httpOnly());
    const ConformanceReport report = runConformance(*devices.http, *options, targets);
    std::cout << (asJson ? formatReportJson(report) + "\n" : formatReportTable(report)) << std::flush;
    return report.conforms() ? 0 : 1;
}

}  // namespace

void registerCheckBackendCommand(CLI::App& cli, const GlobalOptions& global, CommandResult& result) {
    auto* cmd = cli.add_subcommand("check-backend",
                                   "Check a backend (a province's adapter) against the API contract, docs/api/openapi.yaml");
    auto receipts = std::make_shared<std::vector<std::string>>();
    auto asJson = std::make_shared<bool>(false);
    cmd->add_option("--code", *receipts,
                    "A dossier code, or a receipt's token link, that the backend knows (repeat for more; "
                    "ideally one dossier per status)");
    cmd->add_flag("--json", *asJson, "Print the report as one JSON document");
    cmd->callback([&global, &result, receipts, asJson] { result.exitCode = runCheckBackend(global, *receipts, *asJson); });
}

}  // namespace kiosk::app
