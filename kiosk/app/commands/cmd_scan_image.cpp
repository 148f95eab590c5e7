// `kiosk scan-image FILE...`: runs the full decode pipeline (every pass) on still images and prints
// one JSON line per file: {"file":"...","found":true|false,"kind":"dossier|token|invalid|none","ms":N}.
// `--raw` adds "text" (the decoded text, a staff/developer diagnostic; the kiosk itself never prints
// it). A file that cannot be read gets "error" and makes the exit code 1.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::app {

namespace {

struct ScanImageArgs {
    std::vector<std::string> files;
    bool raw = false;
};

const char* kindOf(const core::ReceiptReading& reading) {
    if (std::holds_alternative<core::DossierCode>(reading)) return "dossier";
    if (std::holds_alternative<core::ReceiptToken>(reading)) return "token";
    return "invalid";
}

int runScanImage(const ScanImageArgs& args, const core::Settings& settings) {
    const core::CameraSettings& camera = settings.camera;
    const core::ImageLimits limits{.maxPixels = camera.maxImagePixels, .maxFileBytes = camera.maxImageBytes};
    const core::ReceiptRules& rules = settings.receipt;
    core::DecodePipeline pipeline;
    int exitCode = 0;
    for (const auto& file : args.files) {
        nlohmann::ordered_json line;  // keys in the documented order
        line["file"] = file;
        // A folder, FIFO, /dev/zero or an image over the limits gets a message, not a hang or an abort.
        auto image = core::readImageFile(file, limits);
        if (!image) {
            line["found"] = false;
            line["kind"] = "none";
            line["ms"] = 0;
            line["error"] = image.error().message;
            exitCode = 1;
            std::puts(line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
            continue;
        }
        const auto t0 = std::chrono::steady_clock::now();
        const auto found = pipeline.decodeStill(image->view());
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        line["found"] = found.has_value();
        line["kind"] = found ? kindOf(core::readReceipt(found->text, rules)) : "none";
        line["ms"] = std::lround(ms);
        // Decoded bytes need not be UTF-8: the replace handler keeps the line valid JSON.
        if (args.raw && found) line["text"] = found->text;
        std::puts(line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    }
    std::fflush(stdout);
    return exitCode;
}

}  // namespace

void registerScanImageCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result) {
    auto args = std::make_shared<ScanImageArgs>();
    auto* cmd = cli.add_subcommand("scan-image", "Decode receipt codes in still images (all passes); one JSON line per file");
    cmd->add_option("FILE", args->files, "Image files (PNG, JPEG, BMP, PGM...)")->required();
    cmd->add_flag("--raw", args->raw, "Also print the decoded text (staff diagnostic)");
    cmd->callback([args, &options, &result] {
        // The configured receipt rules say which texts are dossier codes or tokens ("kind").
        auto loaded = loadSettingsFor(options);
        if (!loaded) {
            std::cerr << "kiosk scan-image: config: " << loaded.error().message << '\n';
            result.exitCode = 1;
            return;
        }
        result.exitCode = runScanImage(*args, loaded->settings);
    });
}

}  // namespace kiosk::app
