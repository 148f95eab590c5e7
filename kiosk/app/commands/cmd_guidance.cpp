// `kiosk guidance list | search WORDS... | show ID`: the online-services catalog from the command line
// (the bundled catalog under paths.assets_dir of the configuration layers, or --catalog).
// Output is JSON lines on stdout (UTF-8, not escaped); catalog problems go to stderr as warnings
// and never stop the command, like on screen: broken entries are simply left out.

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/guidance/guidance_library.hpp"

namespace kiosk::app {

namespace {

namespace guidance = kiosk::core::guidance;

struct GuidanceOptions {
    std::string catalogPath;          ///< empty: the bundled catalog of the configured assets folder
    std::vector<std::string> words;   ///< the search, as typed (quoted or not)
    std::string id;
};

// Loads the catalog and reports its issues on stderr (stdout carries only the JSON lines, and the
// default spdlog sink is stdout). nullopt, after a message, when the catalog is unusable.
std::optional<guidance::GuidanceCatalog> loadOrReport(const GlobalOptions& global, const std::string& given) {
    std::string path = given;
    if (path.empty()) {
        auto settings = loadSettingsFor(global);
        if (!settings) {
            std::cerr << "error: config: " << settings.error().message << '\n';
            return std::nullopt;
        }
        path = settings->settings.paths.assetsDir + "/guidance/catalog.json";
    }
    auto loaded = guidance::loadCatalog(path);
    if (!loaded) {
        std::cerr << "error: " << loaded.error().message << '\n';
        return std::nullopt;
    }
    for (const auto& issue : loaded->issues) std::cerr << "warning: guidance catalog: " << issue.text() << " (entry left out)\n";
    return std::move(loaded->catalog);
}

void printLine(const guidance::GuidanceEntry& e) {
    nlohmann::json line{{"id", e.id}, {"title", e.title.vi}};
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

void registerGuidanceCommand(CLI::App& cli, const GlobalOptions& global, CommandResult& result) {
    auto opts = std::make_shared<GuidanceOptions>();
    CLI::App* cmd = cli.add_subcommand("guidance", "Online-services guidance catalog (list, search, show)");
    cmd->require_subcommand(1);
    cmd->add_option("--catalog", opts->catalogPath, "Catalog document or folder (default: the bundled assets)");

    CLI::App* list = cmd->add_subcommand("list", "Print every entry as a JSON line {\"id\",\"title\"}");
    list->callback([opts, &global, &result] {
        auto catalog = loadOrReport(global, opts->catalogPath);
        if (!catalog) {
            result.exitCode = 1;
            return;
        }
        for (const auto& e : catalog->entries) printLine(e);
        result.exitCode = 0;
    });

    CLI::App* search = cmd->add_subcommand("search", "Print matching entries, best first, as JSON lines");
    search->add_option("WORDS", opts->words, "What a citizen would type (diacritics optional; quotes optional)")->required();
    search->callback([opts, &global, &result] {
        auto catalog = loadOrReport(global, opts->catalogPath);
        if (!catalog) {
            result.exitCode = 1;
            return;
        }
        guidance::GuidanceLibrary library(std::move(*catalog));
        std::string query;
        for (const std::string& word : opts->words) query += (query.empty() ? "" : " ") + word;
        for (const auto* entry : library.search(query)) printLine(*entry);
        result.exitCode = 0;
    });

    CLI::App* show = cmd->add_subcommand("show", "Print one entry in the catalog format (one JSON line)");
    show->add_option("ID", opts->id, "Entry id, as printed by `kiosk guidance list`")->required();
    show->callback([opts, &global, &result] {
        auto catalog = loadOrReport(global, opts->catalogPath);
        if (!catalog) {
            result.exitCode = 1;
            return;
        }
        const auto* entry = catalog->find(opts->id);
        if (entry == nullptr) {
            std::cerr << "error: no guidance entry with id \"" << opts->id << "\"\n";
            result.exitCode = 2;
            return;
        }
        std::cout << guidance::toJson(*entry) << '\n';
        result.exitCode = 0;
    });
}

}  // namespace kiosk::app
