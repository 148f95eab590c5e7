#pragma once
// How the tests and the screenshot gallery build Result views: the sample dossiers (fixtures.hpp) at
// the fixtures' "now", in the office zone, with the default follow-up URL template.

#include <optional>

#include "kiosk/core/config/settings.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "tests/ui/fixtures.hpp"

namespace kiosk::test {

inline ui::ResultOptions resultOptions(bool printer = true, std::optional<int> rating = std::nullopt, bool printed = false) {
    ui::ResultOptions o;
    o.now = fixtureNow();
    o.followUrlTemplate = core::OfficeSettings{}.publicLookupUrl;
    o.printer = printer;
    o.rating = rating;
    o.printed = printed;
    return o;
}

}  // namespace kiosk::test
