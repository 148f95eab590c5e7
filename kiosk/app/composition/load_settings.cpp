#include "kiosk/app/composition/load_settings.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::app {
namespace {

bool hasTranslations(const std::filesystem::path& dir) {
    std::error_code ec;
    return !dir.empty() && std::filesystem::is_directory(dir / "i18n", ec);
}

// Where the executable is: a build tree's kiosk finds the `assets` link CMake puts beside it
// (kiosk_link_assets in kiosk/app/CMakeLists.txt); an installed one finds ../share/kiosk, which is
// /usr/share/kiosk for /usr/bin/kiosk and still right when the package's files are unpacked elsewhere
// (the package test runs them from a scratch root). No source path is compiled into the binary.
std::filesystem::path executableDir() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

// The assets folder (translations, status texts, guidance catalog), first usable of: KIOSK_ASSETS_DIR
// (development); paths.assets_dir when a configuration file sets it; beside the executable (build
// tree); ../share/kiosk from it (installed); the installed folder (paths.assets_dir's default).
std::string resolveAssetsDir(const std::string& configured, bool configuredByFile) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up; nothing in the kiosk calls setenv
    if (const char* env = std::getenv("KIOSK_ASSETS_DIR"); env != nullptr && *env != '\0') return env;
    std::vector<std::filesystem::path> candidates;
    if (configuredByFile) candidates.emplace_back(configured);
    if (const std::filesystem::path dir = executableDir(); !dir.empty()) {
        candidates.push_back(dir / "assets");
        candidates.push_back(dir.parent_path() / "share" / "kiosk");
    }
    candidates.emplace_back(configured);
    candidates.emplace_back(core::kInstalledAssetsDir);
    for (const std::filesystem::path& dir : candidates) {
        if (!hasTranslations(dir)) continue;
        if (configuredByFile && dir != configured) {
            spdlog::warn("paths.assets_dir {} has no translations; using {}", configured, dir.string());
        }
        return dir.string();
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
        const auto source = report.loaded.sources.find("paths.assets_dir");
        const bool byFile = source != report.loaded.sources.end() && source->second.layer != core::ConfigLayer::Default;
        report.loaded.settings.paths.assetsDir = resolveAssetsDir(report.loaded.settings.paths.assetsDir, byFile);
        return std::move(report.loaded);
    }
    std::string message;
    for (const core::ConfigIssue& issue : report.issues) message += core::formatIssue(issue) + "\n";
    message.pop_back();
    return core::fail(core::ErrorKind::Config, std::move(message));
}

}  // namespace kiosk::app
