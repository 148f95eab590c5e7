#include "kiosk/core/privacy/masking.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace kiosk::core;

TEST(MaskingTest, PersonNameKeepsFamilyNameAndInitials) {
    EXPECT_EQ(maskPersonName("Nguyễn Văn An"), "Nguyễn V** A*");
    EXPECT_EQ(maskPersonName("Trần Thị Ánh Tuyết"), "Trần T** Á** T****");
    EXPECT_EQ(maskPersonName("  Lê   Đức  "), "Lê Đ**");
    EXPECT_EQ(maskPersonName("Phạm Ưng Ỷ"), "Phạm Ư** Ỷ");
}

TEST(MaskingTest, PersonNameMasksByCodePointAndComposesNfc) {
    // Decomposed "Nguyễn Thị Ngọc" still masks one '*' per letter and keeps NFC.
    EXPECT_EQ(maskPersonName("Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 N\xCC\x83go\xCC\xA3" "c"), "Nguyễn T** Ñ***");
    EXPECT_EQ(maskPersonName("Ánh"), "Á**");  // one word is a given name: masked
    EXPECT_EQ(maskPersonName(""), "");
    EXPECT_EQ(maskPersonName("Nguyễn V** A*"), "Nguyễn V** A*");  // idempotent
}

TEST(MaskingTest, PhoneKeepsFirstAndLastThreeDigits) {
    EXPECT_EQ(maskPhone("0912345678"), "091****678");
    EXPECT_EQ(maskPhone("0912 345 678"), "091****678");
    EXPECT_EQ(maskPhone("0912.345.678"), "091****678");
    EXPECT_EQ(maskPhone("+84 912 345 678"), "+84 91****678");
    EXPECT_EQ(maskPhone("+84912345678"), "+84 91****678");
    EXPECT_EQ(maskPhone("024 3825 1234"), "024*****234");
    EXPECT_EQ(maskPhone("091****678"), "091****678");  // already masked
}

TEST(MaskingTest, PhoneRejectsNonPhones) {
    EXPECT_EQ(maskPhone("call me"), "***");
    EXPECT_EQ(maskPhone("12345"), "*****");
    EXPECT_EQ(maskPhone(""), "***");
}

TEST(MaskingTest, IdNumberKeepsLastFour) {
    EXPECT_EQ(maskIdNumber("001099012345"), "********2345");
    EXPECT_EQ(maskIdNumber("001 099 012 345"), "********2345");
    EXPECT_EQ(maskIdNumber("123456789"), "*****6789");
    EXPECT_EQ(maskIdNumber("C1234567"), "****4567");
    EXPECT_EQ(maskIdNumber("1234"), "****");
    EXPECT_EQ(maskIdNumber("********2345"), "********2345");
}

TEST(MaskingTest, AddressKeepsDistrictAndProvince) {
    EXPECT_EQ(maskAddress("Số 12, ngõ 3, phường Láng Hạ, quận Đống Đa, Hà Nội"), "***, quận Đống Đa, Hà Nội");
    EXPECT_EQ(maskAddress("Thôn 2 - xã Ea Kao - TP. Buôn Ma Thuột - Đắk Lắk"), "***, TP. Buôn Ma Thuột, Đắk Lắk");
    EXPECT_EQ(maskAddress("12 Láng Hạ, Hà Nội"), "***, Hà Nội");
    EXPECT_EQ(maskAddress("12 Láng Hạ Đống Đa Hà Nội"), "***");
    EXPECT_EQ(maskAddress(""), "");
    EXPECT_EQ(maskAddress("***, quận Đống Đa, Hà Nội"), "***, quận Đống Đa, Hà Nội");
}

TEST(MaskingTest, NumbersInTextMasksPhonesAndIds) {
    EXPECT_EQ(maskPersonalNumbersInText("Liên hệ 0912345678 khi cần."), "Liên hệ 091****678 khi cần.");
    EXPECT_EQ(maskPersonalNumbersInText("ĐT: 0912.345.678"), "ĐT: 091*.***.678");
    EXPECT_EQ(maskPersonalNumbersInText("Gọi +84 912 345 678"), "Gọi +84 91* *** 678");
    EXPECT_EQ(maskPersonalNumbersInText("CCCD 001099012345 của ông A"), "CCCD ********2345 của ông A");
    EXPECT_EQ(maskPersonalNumbersInText("CMND số 123456789."), "CMND số *****6789.");
}

TEST(MaskingTest, NumbersInTextLeavesOtherNumbersAlone) {
    const std::string keep[] = {
        "Mã hồ sơ 000.00.06.H56-231027-0361 đã tiếp nhận",
        "Phí 1.500.000 đồng, hạn 27/10/2023",
        "Lệ phí 150.000.000 đồng",
        "Quầy số 3, tầng 2",
        "Ngày 27.10.2023",
        "",
    };
    for (const std::string& s : keep) {
        EXPECT_EQ(maskPersonalNumbersInText(s), s);
    }
    EXPECT_EQ(maskPersonalNumbersInText("abc0912345678"), "abc0912345678");  // part of a word
}
