#include "kiosk/core/slip/test_page.hpp"

namespace kiosk::core::slip {

std::string vietnameseAlphabet() {
    // Written out rather than generated so a reviewer can read it; each vowel row has the bare
    // letter then huyền, sắc, hỏi, ngã, nặng.
    return "a à á ả ã ạ  ă ằ ắ ẳ ẵ ặ  â ầ ấ ẩ ẫ ậ\n"
           "e è é ẻ ẽ ẹ  ê ề ế ể ễ ệ  i ì í ỉ ĩ ị\n"
           "o ò ó ỏ õ ọ  ô ồ ố ổ ỗ ộ  ơ ờ ớ ở ỡ ợ\n"
           "u ù ú ủ ũ ụ  ư ừ ứ ử ữ ự  y ỳ ý ỷ ỹ ỵ  đ\n"
           "A À Á Ả Ã Ạ  Ă Ằ Ắ Ẳ Ẵ Ặ  Â Ầ Ấ Ẩ Ẫ Ậ\n"
           "E È É Ẻ Ẽ Ẹ  Ê Ề Ế Ể Ễ Ệ  I Ì Í Ỉ Ĩ Ị\n"
           "O Ò Ó Ỏ Õ Ọ  Ô Ồ Ố Ổ Ỗ Ộ  Ơ Ờ Ớ Ở Ỡ Ợ\n"
           "U Ù Ú Ủ Ũ Ụ  Ư Ừ Ứ Ử Ữ Ự  Y Ỳ Ý Ỷ Ỹ Ỵ  Đ";
}

Slip buildTestPage(const std::string& officeName, const ZonedTime& printedAt, int paperWidthDots,
                   const std::string& qrPayload) {
    Slip slip;
    slip.title = "TRANG IN THỬ";
    slip.body.push_back(TextBlock{"Khổ giấy " + std::to_string(paperWidthDots) + " điểm (" +
                                      (paperWidthDots >= 576 ? "80" : "58") + " mm)",
                                  TextSize::Small, Weight::Regular, Align::Center});
    slip.body.push_back(Separator{});
    slip.body.push_back(TextBlock{vietnameseAlphabet(), paperWidthDots >= 576 ? TextSize::Normal : TextSize::Small, Weight::Regular, Align::Left});
    slip.body.push_back(Separator{true});
    slip.body.push_back(TextBlock{vietnameseAlphabet(), paperWidthDots >= 576 ? TextSize::Normal : TextSize::Small, Weight::Bold, Align::Left});
    slip.body.push_back(Separator{true});
    slip.body.push_back(TextBlock{"Cỡ nhỏ: Giấy tiếp nhận hồ sơ và hẹn trả kết quả", TextSize::Small});
    slip.body.push_back(TextBlock{"Cỡ thường: Bộ phận Một cửa", TextSize::Normal});
    slip.body.push_back(TextBlock{"Cỡ lớn: Đã trả kết quả", TextSize::Large, Weight::Bold});
    slip.body.push_back(KeyValueRow{"Mã hồ sơ", "000.00.06.H56-231027-0361", true});
    slip.body.push_back(TextBlock{"— – … “ ” ‘ ’ • ₫ 0123456789", TextSize::Normal});
    slip.body.push_back(QrBlock{qrPayload, "Mã QR thử"});
    slip.footer = SlipFooter{officeName, {}, printedAt, "In lúc"};
    return slip;
}

}  // namespace kiosk::core::slip
