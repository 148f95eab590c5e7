// `kiosk parse TEXT`: reads one receipt text the way the kiosk does, with the configured receipt rules
// ([receipt] of the configuration layers), and prints one JSON line. Operators use it to check what a
// receipt's QR code yields; tests use it as a stable interface. It prints only the reading (code, token or
// reason): a citizen ID in the text is dropped by readReceipt and never shown. Exit 0 for a dossier code
// or token, 1 for text that is neither or an unusable configuration.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <variant>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::app {

namespace {

nlohmann::json toJson(const core::ReceiptReading& reading) {
    if (const auto* code = std::get_if<core::DossierCode>(&reading)) {
        return {{"kind", "dossier"}, {"code", code->value}};
    }
    if (const auto* token = std::get_if<core::ReceiptToken>(&reading)) {
        return {{"kind", "token"}, {"token", token->value}};
    }
    return {{"kind", "invalid"}, {"reason", std::string(core::toString(std::get<core::NotAReceipt>(reading).reason))}};
}

}  // namespace

void registerParseCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result) {
    auto text = std::make_shared<std::string>();
    CLI::App* cmd = cli.add_subcommand("parse", "Read a receipt text (code or URL) and print the result as JSON");
    cmd->add_option("TEXT", *text, "Scanned or typed receipt text")->required();
    cmd->callback([text, &options, &result] {
        auto loaded = loadSettingsFor(options);
        if (!loaded) {
            std::cerr << "kiosk parse: config: " << loaded.error().message << '\n';
            result.exitCode = 1;
            return;
        }
        const core::ReceiptReading reading = core::readReceipt(*text, loaded->settings.receipt);
        // Replace invalid UTF-8 in output instead of throwing (codes and tokens are ASCII anyway).
        std::cout << toJson(reading).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        result.exitCode = std::holds_alternative<core::NotAReceipt>(reading) ? 1 : 0;
    });
}

}  // namespace kiosk::app
