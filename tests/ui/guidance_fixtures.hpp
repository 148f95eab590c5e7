#pragma once
// The bundled guidance catalog (assets/guidance), loaded once for the guidance screen tests and the
// screenshot gallery: real content, so long titles and steps show up as citizens will see them.

#include <stdexcept>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/guidance/guidance_library.hpp"

namespace kiosk::test {

inline const core::guidance::GuidanceLibrary& bundledGuidance() {
    static const core::guidance::GuidanceLibrary library = [] {
        auto loaded = core::guidance::loadCatalog(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/guidance");
        if (!loaded) {
            throw std::runtime_error(loaded.error().message);
        }
        return core::guidance::GuidanceLibrary(std::move(loaded->catalog));
    }();
    return library;
}

/// The judicial record certificate ("lý lịch tư pháp"): the gallery's detail page.
inline constexpr const char* kJudicialRecordId = "phieu-ly-lich-tu-phap";

}  // namespace kiosk::test
