// libFuzzer target: the backend's JSON replies (kiosk/core/api): a dossier, a receipt token and an
// error body. The first byte chooses the mapper, the rest is the body. A dossier that maps is masked,
// valid UTF-8 and free of bidi controls; one that does not is a BadResponse. An error body yields
// only a kind from the fixed list.
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/text/utf8.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk::core;

namespace {

bool clean(const std::string& s) {
    if (!text::isValidUtf8(s)) return false;
    for (const char32_t cp : text::decode(s)) {
        if (text::isBidiControl(cp)) return false;
    }
    return true;
}

void checkDossier(std::string_view body) {
    const auto d = mapDossier(body);
    if (!d) {
        KIOSK_FUZZ_CHECK(d.error().kind == LookupErrorKind::BadResponse);
        KIOSK_FUZZ_CHECK(!d.error().diagnostic.empty());
        return;
    }
    KIOSK_FUZZ_CHECK(!d->code.empty());
    KIOSK_FUZZ_CHECK(clean(d->procedureName) && clean(d->applicantMasked) && clean(d->backendNote));
    for (const auto& step : d->history) KIOSK_FUZZ_CHECK(clean(step.action) && clean(step.note) && clean(step.unit));
    for (const auto& doc : d->missingDocuments) KIOSK_FUZZ_CHECK(clean(doc.name) && clean(doc.note));
    // Masking is idempotent, so what mapDossier returns is already what maskDossier would make of it.
    const Dossier again = maskDossier(*d);
    KIOSK_FUZZ_CHECK(again.applicantMasked == d->applicantMasked && again.backendNote == d->backendNote);
    // The JSON form never throws and is valid UTF-8.
    KIOSK_FUZZ_CHECK(text::isValidUtf8(dossierToJson(*d)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
        case 0: checkDossier(body); break;
        case 1: {
            const auto code = mapReceiptToken(body);
            if (code) KIOSK_FUZZ_CHECK(!code->empty() && text::isValidUtf8(*code));
            else KIOSK_FUZZ_CHECK(code.error().kind == LookupErrorKind::BadResponse);
            break;
        }
        default: {
            const auto error = parseErrorBody(body);
            if (error) KIOSK_FUZZ_CHECK(toString(error->kind) != "");
            break;
        }
    }
    return 0;
}
