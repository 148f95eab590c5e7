// `kiosk lookup TEXT`: reads TEXT like a scanned receipt, resolves a token if needed, looks the dossier
// up and prints one JSON line: the masked dossier, or {"error":{"kind":...,"message":...}}. Exit 0/1.

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <variant>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::app {
namespace {

int printError(std::string_view kind, std::string_view message) {
    std::cout << core::errorBodyJson(kind, message) << std::endl;
    return 1;
}

int runLookup(const GlobalOptions& global, const std::string& text) {
    // Diagnostics go to stderr; stdout carries the one JSON line only.
    spdlog::set_default_logger(spdlog::stderr_color_mt("lookup"));
    auto loaded = loadSettingsFor(global);
    if (!loaded) return printError("config", loaded.error().message);
    const core::Settings& settings = loaded->settings;
    const core::ReceiptReading reading = core::readReceipt(text, settings.receipt);
    if (const auto* bad = std::get_if<core::NotAReceipt>(&reading)) {
        return printError("invalid", std::string{"not a dossier code or receipt link: "} + std::string{core::toString(bad->reason)});
    }
    auto options = backendOptionsFrom(settings.backend);
    if (!options) return printError(core::toString(options.error().kind), options.error().diagnostic);
    Devices devices = buildDevices(settings, DeviceSet::httpOnly());
    BackendClient client{*devices.http, *options};
    std::string code;
    if (const auto* token = std::get_if<core::ReceiptToken>(&reading)) {
        auto resolved = client.resolveToken(token->value, nullptr);
        if (!resolved) return printError(core::toString(resolved.error().kind), resolved.error().diagnostic);
        code = std::move(*resolved);
    } else {
        code = std::get<core::DossierCode>(reading).value;
    }
    auto dossier = client.lookupDossier(code, nullptr);
    if (!dossier) return printError(core::toString(dossier.error().kind), dossier.error().diagnostic);
    std::cout << core::dossierToJson(*dossier) << std::endl;
    return 0;
}

}  // namespace

void registerLookupCommand(CLI::App& cli, const GlobalOptions& global, CommandResult& result) {
    auto* cmd = cli.add_subcommand("lookup", "Look a dossier up on the backend and print it (masked) as one JSON line");
    auto text = std::make_shared<std::string>();
    cmd->add_option("TEXT", *text, "Dossier code or receipt link, as scanned or typed")->required();
    cmd->callback([&global, &result, text] { result.exitCode = runLookup(global, *text); });
}

}  // namespace kiosk::app
