#pragma once
// Printable slips from domain objects, with translated texts: the one place that turns a Dossier or a
// GuidanceEntry into a rendered slip, shared by `kiosk slip ...` and the kiosk's Print button.
//
// App layer: it reads the slip fonts and the string tables (assets/i18n/{vi,en}) from disk once, at
// create(); after that every call is pure CPU work on the caller's thread (render + encode of one
// slip takes a few milliseconds; the Print button calls it on the print worker, never the UI thread).
// Use one maker from one thread at a time: StringTable records missing keys as a side effect.
//
//   auto maker = SlipMaker::create(settings);                       // fonts + vi/en tables
//   auto slip = maker->statusSlip(dossier, core::Language::Vi, now);
//   printService.submit(maker->escposJob(*slip));

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/dossier/time_zone.hpp"
#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/i18n/language.hpp"
#include "kiosk/core/i18n/string_table.hpp"
#include "kiosk/core/slip/slip_renderer.hpp"

namespace kiosk::app {

struct SlipFonts;

class SlipMaker {
public:
    /// Loads the slip fonts (from `fontDir`) and the vi and en string tables (from
    /// settings.paths.assetsDir/i18n), and keeps what it needs of `settings`: office name and help
    /// line, office.public_lookup_url, printer width, cut and print_applicant_name.
    /// @return the maker, or an Io/Parse error naming the font or string table that is unusable
    /// @param zone the office's time zone (office.time_zone): dates and the print time are written at it
    static core::Result<SlipMaker> create(const core::Settings& settings, core::TimeZone zone = {},
                                          const std::string& fontDir = KIOSK_FONT_DIR);

    /// The dossier-status slip, worded from core's answer (kiosk/core/dossier/dossier_answer.hpp), the
    /// one the Result screen draws: headline, due line, dates, where, current step, reason, the
    /// agency's note, next step (with missing documents / unpaid fees), the masked applicant only
    /// when printer.print_applicant_name is on, and a QR of lookupUrl(code).
    /// @param now the print time (footer and days left), injected by the caller; written at the office zone
    /// @return the rendered slip, or an error from the renderer (e.g. a QR too large for the paper)
    [[nodiscard]] core::Result<core::slip::RenderedSlip> statusSlip(const core::Dossier& dossier, core::Language language,
                                                                    core::ZonedTime now) const;

    /// The guidance slip for one catalog entry: title, short steps, documents, a QR of the service
    /// URL and the office's help line (office.help_line; left out when empty).
    [[nodiscard]] core::Result<core::slip::RenderedSlip> guidanceSlip(const core::guidance::GuidanceEntry& entry,
                                                                      core::Language language,
                                                                      core::ZonedTime now) const;

    /// The public page that follows `code` on a phone: core::followUrl(office.public_lookup_url, code).
    /// Empty when the template is empty: the slip then has no QR (a backend's URL is never used).
    [[nodiscard]] std::string lookupUrl(std::string_view code) const;

    /// A rendered slip as one ESC/POS job with the configured cut (printer.cut).
    /// @param nativeQr print QR codes with the printer's GS ( k command instead of as raster
    [[nodiscard]] std::vector<std::uint8_t> escposJob(const core::slip::RenderedSlip& slip, bool nativeQr = false) const;

    /// A rendered slip as a PNG file image (8-bit grey), for previews and the docs.
    static core::Result<std::vector<std::uint8_t>> png(const core::slip::RenderedSlip& slip);

    /// The string table of `language` (for callers that word a slip's surroundings the same way).
    [[nodiscard]] const core::StringTable& strings(core::Language language) const;

    [[nodiscard]] int paperWidthDots() const { return m_widthDots; }

private:
    SlipMaker() = default;

    // The renderer reads glyphs lazily from the font bytes: both live behind one shared_ptr so that
    // moving or copying the maker never leaves the renderer pointing at freed bytes.
    std::shared_ptr<const SlipFonts> m_fonts;
    std::shared_ptr<const core::slip::SlipRenderer> m_renderer;
    std::shared_ptr<const core::StringTable> m_vi;
    std::shared_ptr<const core::StringTable> m_en;
    std::string m_officeName;
    std::string m_officeAddress;
    std::string m_helpLine;
    std::string m_lookupTemplate;
    core::TimeZone m_zone;
    int m_widthDots = 576;
    core::escpos::CutMode m_cut = core::escpos::CutMode::Partial;
    bool m_printApplicantName = false;
};

}  // namespace kiosk::app
