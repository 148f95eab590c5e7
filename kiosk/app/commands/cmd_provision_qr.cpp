// `kiosk provision-qr FILE.toml --out qr.png`: the provisioning QR code for a new kiosk
// (kiosk/core/staff/provisioning.hpp, docs/staff.md). FILE is checked like a configuration file plus
// its [provisioning] enrolment_code: every problem is printed as `FILE:LINE: KEY: message` and the
// command exits 2 without writing anything. The PNG holds the one-time enrolment code: it is written
// with mode 0600, and nothing prints the code. Exit 0 written, 1 cannot write, 2 invalid document.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "kiosk/app/commands/commands.hpp"
#include "kiosk/core/common/atomic_file.hpp"
#include "kiosk/core/common/grey_png.hpp"
#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/staff/provisioning.hpp"

namespace kiosk::app {
namespace {

struct Args {
    std::string file;
    std::string out;
    int modulePixels = 8;
};

int provisionQr(const Args& args) {
    std::ifstream in{args.file, std::ios::binary};
    if (!in) {
        std::cout << args.file << ":0: (file): cannot read\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const core::ProvisioningParse parsed = core::parseProvisioning(text.str(), args.file);
    if (!parsed.document) {
        for (const core::ConfigIssue& issue : parsed.issues) std::cout << core::formatIssue(issue) << "\n";
        return 2;
    }
    const std::string payload = core::encodeProvisioningPayload(text.str());
    auto image = core::renderCode(payload, core::Symbology::QrCode,
                                  {.modulePixels = args.modulePixels, .quietModules = 4, .barHeight = 60, .dark = 0, .light = 255});
    if (!image) {
        std::cerr << "kiosk provision-qr: " << image.error().message << "\n";
        return 2;
    }
    const auto png = core::encodeGreyPng(image->pixels.data(), image->width, image->height, image->width);
    if (png.empty()) {
        std::cerr << "kiosk provision-qr: PNG encoding failed\n";
        return 1;
    }
    const std::string_view bytes(reinterpret_cast<const char*>(png.data()), png.size());
    if (auto written = core::writeFileAtomically(args.out, bytes); !written) {
        std::cerr << "kiosk provision-qr: " << written.error().message << "\n";
        return 1;
    }
    const core::Settings& s = parsed.document->settings;
    std::cout << args.out << ": provisioning QR for kiosk " << s.operations.kioskId << " (" << s.backend.url << "), "
              << parsed.document->keys.size() << " settings, " << payload.size() << " bytes; it holds the enrolment "
              << "code: keep it safe and delete it once used\n";
    return 0;
}

}  // namespace

void registerProvisionQrCommand(CLI::App& cli, const GlobalOptions&, CommandResult& result) {
    auto* cmd = cli.add_subcommand("provision-qr", "Make the provisioning QR code (PNG) for a new kiosk from a small TOML");
    auto args = std::make_shared<Args>();
    cmd->add_option("FILE", args->file, "Provisioning document: config keys plus [provisioning] enrolment_code")->required();
    cmd->add_option("--out", args->out, "The PNG to write")->required();
    cmd->add_option("--module-px", args->modulePixels, "Pixels per QR module (default 8)")->check(CLI::Range(2, 40));
    cmd->callback([&result, args] { result.exitCode = provisionQr(*args); });
}

}  // namespace kiosk::app
