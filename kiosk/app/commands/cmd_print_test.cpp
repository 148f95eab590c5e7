// `kiosk print-test [--printer URI]`: prints the test page (every Vietnamese letter, each size, a QR
// code) and reports the printer's status as one JSON line on stdout, within --timeout-ms in all:
//   {"printer":"tcp://127.0.0.1:9100","printed":true,"status":{...}|null,"error":null|{"kind","message"}}
// The printer, width, cut, timeout and office name come from the configuration layers (printer.*,
// office.name; the global --printer overrides printer.uri); the command's own options win over them.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <iostream>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/composition/load_settings.hpp"
#include "kiosk/app/services/slip_fonts.hpp"
#include "kiosk/app/services/slip_jobs.hpp"
#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/slip/test_page.hpp"
#include "platform/printer.hpp"

namespace kiosk::app {

namespace {

nlohmann::ordered_json statusJson(const std::optional<platform::PrinterStatus>& s) {
    if (!s) return nullptr;
    return nlohmann::ordered_json::parse(core::escpos::toJson(*s));
}

struct PrintTestJob {
    std::unique_ptr<platform::Printer> printer;  ///< null: the URI was unusable
    std::string uri;
    int width = 384;
    int timeoutMs = 8000;
    std::string office;
    core::TimeZone zone;  // office.time_zone: the page's print time
    core::escpos::CutMode cut = core::escpos::CutMode::Partial;
};

// One print test: status, page, status again; JSON on stdout.
int runPrintTest(PrintTestJob& job) {
    nlohmann::ordered_json report;
    report["printer"] = job.uri;
    report["printed"] = false;
    report["status"] = nullptr;
    report["error"] = nullptr;
    const auto finish = [&](std::optional<platform::PrintError> error, std::optional<platform::PrinterStatus> status) {
        report["status"] = statusJson(status);
        if (error) report["error"] = {{"kind", core::toString(error->kind)}, {"message", error->message}};
        std::cout << report.dump() << std::endl;
        return error ? 1 : 0;
    };
    // --timeout-ms is the operator's whole wait for the printer: every printer call gets what the calls
    // before it left. (Rendering the page is local work and does not count.)
    using std::chrono::milliseconds;
    milliseconds spent{0};
    const auto left = [&] { return std::max(milliseconds{0}, milliseconds{job.timeoutMs} - spent); };
    const auto timed = [&](auto&& call) {
        const auto t0 = std::chrono::steady_clock::now();
        auto result = call(left());
        spent += std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - t0);
        return result;
    };
    const auto timedOut = [] {
        return platform::PrintError{core::PrintFailure::Timeout, "the print test ran out of time (--timeout-ms)"};
    };
    if (!job.printer) {
        auto uri = core::parsePrinterUri(job.uri);
        return finish(platform::PrintError{core::PrintFailure::InvalidUri, uri ? "unusable printer" : uri.error().message},
                      std::nullopt);
    }
    platform::Printer& printer = *job.printer;

    std::optional<platform::PrinterStatus> status;
    if (printer.twoWay()) {
        auto st = timed([&](milliseconds t) { return printer.status(t); });
        if (!st) return finish(st.error(), std::nullopt);
        status = *st;
        if (auto ready = platform::readiness(*st); !ready) return finish(ready.error(), status);
    }

    auto fonts = loadSlipFonts();
    if (!fonts) return finish(platform::PrintError{core::PrintFailure::RenderFailed, fonts.error().message}, status);
    auto renderer = core::slip::SlipRenderer::create(fonts->data());
    if (!renderer) return finish(platform::PrintError{core::PrintFailure::RenderFailed, renderer.error().message}, status);
    const core::ZonedTime now = job.zone.at(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    auto page = renderer->render(core::slip::buildTestPage(job.office, now, job.width, std::string{"kiosk "} + KIOSK_VERSION),
                                 {.paperWidthDots = job.width});
    if (!page) return finish(platform::PrintError{core::PrintFailure::RenderFailed, page.error().message}, status);

    const auto bytes = core::escpos::encodeSlipJob(*page, {.cut = job.cut});
    if (left() <= milliseconds{0}) return finish(timedOut(), status);
    if (auto ok = timed([&](milliseconds t) { return printer.print(bytes, t); }); !ok) return finish(ok.error(), status);
    report["printed"] = true;
    if (printer.twoWay() && left() > milliseconds{0}) {
        // Report the status after the page, if time is left: a near-end roll shows up here.
        if (auto after = timed([&](milliseconds t) { return printer.status(t); })) status = *after;
    }
    return finish(std::nullopt, status);
}

}  // namespace

void registerPrintTestCommand(CLI::App& cli, const GlobalOptions& options, CommandResult& result) {
    auto* cmd = cli.add_subcommand("print-test", "Print a test page and report the printer status as one JSON line");
    struct Args {
        std::optional<int> width;
        std::optional<int> timeoutMs;
        std::string office;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--width", args->width, "Paper width in dots, 384 = 58 mm, 576 = 80 mm (default: printer.width_dots)")
        ->check(CLI::IsMember({384, 576}));
    cmd->add_option("--timeout-ms", args->timeoutMs, "Timeout of all printer calls together (default: printer.timeout_ms)")
        ->check(CLI::Range(100, 120000));
    cmd->add_option("--office", args->office, "Office name for the footer (default: office.name)");
    cmd->callback([&options, &result, args] {
        auto loaded = loadSettingsFor(options);  // the global --printer overrides printer.uri
        if (!loaded) {
            std::cerr << "kiosk print-test: config: " << loaded.error().message << "\n";
            result.exitCode = 1;
            return;
        }
        const core::Settings& settings = loaded->settings;
        if (settings.printer.uri.empty()) {
            std::cerr << "kiosk print-test: no printer; pass --printer URI or set printer.uri\n";
            result.exitCode = 2;
            return;
        }
        PrintTestJob job;
        job.printer = buildDevices(settings, DeviceSet::printerOnly()).printer;
        job.uri = settings.printer.uri;
        job.width = args->width.value_or(settings.printer.widthDots);
        job.timeoutMs = args->timeoutMs.value_or(settings.printer.timeoutMs);
        job.office = args->office.empty() ? settings.office.name : args->office;
        job.zone = officeTimeZone(settings).value_or(core::TimeZone{});
        job.cut = settings.printer.cut;
        result.exitCode = runPrintTest(job);
    });
}

}  // namespace kiosk::app
