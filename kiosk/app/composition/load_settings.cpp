#include "kiosk/app/composition/load_settings.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::app {
namespace {

// The assets folder (translations, status texts, guidance catalog): KIOSK_ASSETS_DIR (development) wins
// over paths.assets_dir; a folder without translations falls back to the installed one.
std::string resolveAssetsDir(const std::string& configured) {
    if (const char* env = std::getenv("KIOSK_ASSETS_DIR")) return env;
    for (const std::string& dir : {configured, std::string(KIOSK_SOURCE_ASSETS_DIR), std::string("/usr/share/kiosk/assets")}) {
        std::error_code ec;
        if (!dir.empty() && std::filesystem::is_directory(std::filesystem::path(dir) / "i18n", ec)) {
            if (dir != configured) spdlog::warn("paths.assets_dir {} has no translations; using {}", configured, dir);
            return dir;
        }
    }
    return configured;
}

}  // namespace

core::Result<core::LoadedSettings> loadSettingsFor(const GlobalOptions& options) {
    core::ConfigFiles files;
    if (options.configPath) {
        files.fleetFile = *options.configPath;
        files.fleetExplicit = true;
    }
    core::ConfigReport report = core::loadConfig(files);
    auto apply = [&](const std::optional<std::string>& value, std::string_view key, std::string_view option) {
        if (!value) return;
        std::vector<core::ConfigIssue> more = core::applyOverride(report.loaded, key, *value, option);
        report.issues.insert(report.issues.end(), more.begin(), more.end());
    };
    apply(options.backend, "backend.url", "--backend");
    apply(options.tokenFile, "backend.token_file", "--token-file");
    apply(options.printer, "printer.uri", "--printer");
    if (report.ok()) {
        report.loaded.settings.paths.assetsDir = resolveAssetsDir(report.loaded.settings.paths.assetsDir);
        return std::move(report.loaded);
    }
    std::string message;
    for (const core::ConfigIssue& issue : report.issues) message += core::formatIssue(issue) + "\n";
    message.pop_back();
    return core::fail(core::ErrorKind::Config, std::move(message));
}

}  // namespace kiosk::app
