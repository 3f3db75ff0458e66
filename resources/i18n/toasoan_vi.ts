<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Tòa Soạn</source>
            <translation>Giới thiệu Tòa Soạn</translation>
        </message>
        <message>
            <source>Write, preview and export the news of a local government portal.</source>
            <translation>Soạn, xem trước và xuất bản tin bài cho cổng thông tin điện tử của chính quyền địa phương.</translation>
        </message>
        <message>
            <source>Part</source>
            <translation>Thành phần</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Phiên bản</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Giấy phép</translation>
        </message>
        <message>
            <source>The licence texts are in %s</source>
            <translation>Văn bản các giấy phép nằm trong %s</translation>
        </message>
        <message>
            <source>Open the licence texts</source>
            <translation>Mở văn bản giấy phép</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Mới</translation>
        </message>
        <message>
            <source>Start a new article</source>
            <translation>Bắt đầu một bài viết mới</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Mở…</translation>
        </message>
        <message>
            <source>Open an article</source>
            <translation>Mở một bài viết</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>Save the article</source>
            <translation>Lưu bài viết</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Lưu &amp;thành…</translation>
        </message>
        <message>
            <source>Save the article under another name</source>
            <translation>Lưu bài viết với tên khác</translation>
        </message>
        <message>
            <source>Re&amp;visions…</source>
            <translation>Các &amp;phiên bản…</translation>
        </message>
        <message>
            <source>The versions kept at each save, and what changed since</source>
            <translation>Các phiên bản được giữ lại mỗi lần lưu, và những gì đã thay đổi</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Xuất trang web…</translation>
        </message>
        <message>
            <source>Export the page for the portal: a folder, a zip or one HTML file</source>
            <translation>Xuất trang cho cổng thông tin: một thư mục, một tệp zip hoặc một tệp HTML</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>Xuất &amp;PDF…</translation>
        </message>
        <message>
            <source>Save the page as an A4 PDF</source>
            <translation>Lưu trang thành tệp PDF khổ A4</translation>
        </message>
        <message>
            <source>Export publish pac&amp;kage…</source>
            <translation>Xuất gói đăng &amp;bài…</translation>
        </message>
        <message>
            <source>One zip for a portal with no publishing API: the body, its photos and a sheet of the fields to fill in</source>
            <translation>Một tệp zip cho cổng không có API đăng bài: nội dung, các ảnh và bảng thông tin cần điền</translation>
        </message>
        <message>
            <source>P&amp;ublish…</source>
            <translation>Đăng lên &amp;cổng…</translation>
        </message>
        <message>
            <source>Send the saved article to the portal's WordPress: a draft, for review, or published</source>
            <translation>Gửi bài đã lưu lên WordPress của cổng: bản nháp, gửi duyệt hoặc đăng ngay</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;In…</translation>
        </message>
        <message>
            <source>Print the page</source>
            <translation>In trang</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>Insert &amp;photo…</source>
            <translation>Chèn ả&amp;nh…</translation>
        </message>
        <message>
            <source>Insert photos at the cursor</source>
            <translation>Chèn ảnh vào vị trí con trỏ</translation>
        </message>
        <message>
            <source>Paste photo</source>
            <translation>Dán ảnh</translation>
        </message>
        <message>
            <source>Insert the picture on the clipboard</source>
            <translation>Chèn ảnh đang có trong bộ nhớ tạm</translation>
        </message>
        <message>
            <source>Site &amp;profile…</source>
            <translation>&amp;Thông tin cổng…</translation>
        </message>
        <message>
            <source>The portal's name, address, fanpage and logo</source>
            <translation>Tên, địa chỉ, fanpage và logo của cổng thông tin</translation>
        </message>
        <message>
            <source>&amp;Import Word document…</source>
            <translation>Nhập tệp &amp;Word…</translation>
        </message>
        <message>
            <source>Start an article from a .docx file, with its photos and captions</source>
            <translation>Tạo bài viết từ tệp .docx, kèm ảnh và chú thích ảnh</translation>
        </message>
        <message>
            <source>&amp;Find and replace…</source>
            <translation>&amp;Tìm và thay thế…</translation>
        </message>
        <message>
            <source>Find and replace in every field</source>
            <translation>Tìm và thay thế trong mọi ô</translation>
        </message>
        <message>
            <source>Copy for &amp;CMS</source>
            <translation>Chép sang &amp;CMS</translation>
        </message>
        <message>
            <source>Copy the body as HTML, with the title and lead, for the portal's web editor</source>
            <translation>Chép nội dung dạng HTML, kèm tiêu đề và sapo, để dán vào trình soạn thảo web của cổng</translation>
        </message>
        <message>
            <source>Unify &amp;tone marks</source>
            <translation>Thống nhất cách đặt &amp;dấu</translation>
        </message>
        <message>
            <source>Place tone marks in the whole article in the style chosen in the site profile</source>
            <translation>Đặt dấu thanh trong toàn bài theo kiểu đã chọn ở Thông tin cổng</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Phóng &amp;to</translation>
        </message>
        <message>
            <source>Show the preview larger (also Ctrl + wheel)</source>
            <translation>Xem trước lớn hơn (hoặc Ctrl + lăn chuột)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Thu &amp;nhỏ</translation>
        </message>
        <message>
            <source>Show the preview smaller (also Ctrl + wheel)</source>
            <translation>Xem trước nhỏ hơn (hoặc Ctrl + lăn chuột)</translation>
        </message>
        <message>
            <source>&amp;Fit to pane</source>
            <translation>&amp;Vừa khung xem</translation>
        </message>
        <message>
            <source>Scale the page to the pane again</source>
            <translation>Co giãn trang cho vừa khung xem</translation>
        </message>
        <message>
            <source>&amp;Bold</source>
            <translation>In đậ&amp;m</translation>
        </message>
        <message>
            <source>Bold (Ctrl+B)</source>
            <translation>In đậm (Ctrl+B)</translation>
        </message>
        <message>
            <source>&amp;Italic</source>
            <translation>In ng&amp;hiêng</translation>
        </message>
        <message>
            <source>Italic (Ctrl+I)</source>
            <translation>In nghiêng (Ctrl+I)</translation>
        </message>
        <message>
            <source>&amp;Link…</source>
            <translation>&amp;Liên kết…</translation>
        </message>
        <message>
            <source>Make the selected words a link, or change the link (Ctrl+K)</source>
            <translation>Gắn liên kết cho chữ đã chọn, hoặc sửa liên kết (Ctrl+K)</translation>
        </message>
        <message>
            <source>&amp;Remove link</source>
            <translation>&amp;Bỏ liên kết</translation>
        </message>
        <message>
            <source>Take the link off, keeping the words (Ctrl+Shift+K)</source>
            <translation>Bỏ liên kết, giữ nguyên chữ (Ctrl+Shift+K)</translation>
        </message>
        <message>
            <source>&amp;Heading</source>
            <translation>&amp;Tiêu đề mục</translation>
        </message>
        <message>
            <source>Make the paragraph a subheading, or a subheading a paragraph (Ctrl+Alt+2)</source>
            <translation>Biến đoạn văn thành tiêu đề mục, hoặc tiêu đề mục thành đoạn văn (Ctrl+Alt+2)</translation>
        </message>
        <message>
            <source>&amp;Quote</source>
            <translation>&amp;Trích dẫn</translation>
        </message>
        <message>
            <source>Make the paragraph a quotation, or a quotation a paragraph (Ctrl+Shift+Q)</source>
            <translation>Biến đoạn văn thành trích dẫn, hoặc trích dẫn thành đoạn văn (Ctrl+Shift+Q)</translation>
        </message>
        <message>
            <source>B&amp;ulleted list</source>
            <translation>Danh sách &amp;gạch đầu dòng</translation>
        </message>
        <message>
            <source>Make the selected paragraphs a bulleted list, or the list paragraphs (Ctrl+Shift+8)</source>
            <translation>Biến các đoạn đã chọn thành danh sách gạch đầu dòng, hoặc danh sách thành đoạn văn (Ctrl+Shift+8)</translation>
        </message>
        <message>
            <source>&amp;Numbered list</source>
            <translation>Danh sách đánh &amp;số</translation>
        </message>
        <message>
            <source>Make the selected paragraphs a numbered list, or the list paragraphs (Ctrl+Shift+7)</source>
            <translation>Biến các đoạn đã chọn thành danh sách đánh số, hoặc danh sách thành đoạn văn (Ctrl+Shift+7)</translation>
        </message>
        <message>
            <source>Phone (360 px)</source>
            <translation>Điện thoại (360 px)</translation>
        </message>
        <message>
            <source>Tablet (768 px)</source>
            <translation>Máy tính bảng (768 px)</translation>
        </message>
        <message>
            <source>Desktop (1280 px)</source>
            <translation>Máy tính (1280 px)</translation>
        </message>
        <message>
            <source>Print (A4)</source>
            <translation>Bản in (A4)</translation>
        </message>
    </context>
    <context>
        <name>ArticleFieldsForm</name>
        <message>
            <source>Edit title</source>
            <translation>Sửa tiêu đề</translation>
        </message>
        <message>
            <source>Edit author</source>
            <translation>Sửa tác giả</translation>
        </message>
        <message>
            <source>Edit source</source>
            <translation>Sửa nguồn tin</translation>
        </message>
        <message>
            <source>Edit number and symbol</source>
            <translation>Sửa số, ký hiệu</translation>
        </message>
        <message>
            <source>Edit original link</source>
            <translation>Sửa liên kết gốc</translation>
        </message>
        <message>
            <source>Edit public address</source>
            <translation>Sửa địa chỉ bài viết</translation>
        </message>
        <message>
            <source>&amp;Date and time</source>
            <translation>&amp;Ngày giờ đăng</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>N&amp;gôn ngữ</translation>
        </message>
        <message>
            <source>&amp;Original link</source>
            <translation>Liên kết &amp;gốc</translation>
        </message>
        <message>
            <source>&amp;Public address</source>
            <translation>Đị&amp;a chỉ bài viết</translation>
        </message>
        <message>
            <source>Related news</source>
            <translation>Tin liên quan</translation>
        </message>
        <message>
            <source>Ta&amp;gs</source>
            <translation>Từ &amp;khóa</translation>
        </message>
        <message>
            <source>The headline readers see first</source>
            <translation>Dòng tít người đọc thấy đầu tiên</translation>
        </message>
        <message>
            <source>Vietnamese</source>
            <translation>Tiếng Việt</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Tiếng Anh</translation>
        </message>
        <message>
            <source>One paragraph that sums up the news; shown in bold under the title</source>
            <translation>Một đoạn tóm tắt tin; hiện chữ đậm dưới tiêu đề</translation>
        </message>
        <message>
            <source>Where the news came from</source>
            <translation>Tin lấy từ đâu</translation>
        </message>
        <message>
            <source>Of an official document, e.g. 12/QĐ-UBND</source>
            <translation>Của văn bản hành chính, ví dụ 12/QĐ-UBND</translation>
        </message>
        <message>
            <source>Make from title</source>
            <translation>Tạo từ tiêu đề</translation>
        </message>
        <message>
            <source>Build the address from the site address and the title</source>
            <translation>Tạo địa chỉ bài viết từ địa chỉ cổng và tiêu đề</translation>
        </message>
        <message>
            <source>Keywords, separated by commas</source>
            <translation>Các từ khóa, cách nhau bằng dấu phẩy</translation>
        </message>
        <message>
            <source>Edit lead</source>
            <translation>Sửa sapo</translation>
        </message>
        <message>
            <source>Edit tags</source>
            <translation>Sửa từ khóa</translation>
        </message>
        <message>
            <source>Change language</source>
            <translation>Đổi ngôn ngữ</translation>
        </message>
        <message>
            <source>Change section</source>
            <translation>Đổi chuyên mục</translation>
        </message>
        <message>
            <source>Change date</source>
            <translation>Đổi ngày giờ</translation>
        </message>
        <message>
            <source>Set the site address in Site profile… first</source>
            <translation>Hãy nhập địa chỉ cổng ở mục Thông tin cổng… trước</translation>
        </message>
        <message>
            <source>Make address from title</source>
            <translation>Tạo địa chỉ từ tiêu đề</translation>
        </message>
        <message>
            <source>(no section)</source>
            <translation>(không có chuyên mục)</translation>
        </message>
    </context>
    <context>
        <name>BlockFrame</name>
        <message>
            <source>Remove this block</source>
            <translation>Xóa khối này</translation>
        </message>
    </context>
    <context>
        <name>BlocksEditor</name>
        <message>
            <source>Insert block</source>
            <translation>Chèn khối</translation>
        </message>
        <message>
            <source>Remove block</source>
            <translation>Xóa khối</translation>
        </message>
        <message>
            <source>Move block</source>
            <translation>Di chuyển khối</translation>
        </message>
    </context>
    <context>
        <name>ChangesSinceReviewDialog</name>
        <message>
            <source>What changed since the last review</source>
            <translation>Những gì đã thay đổi từ lần duyệt trước</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Đang đọc…</translation>
        </message>
        <message>
            <source>There is nothing to compare with yet: the state has not changed, or the article was not saved since it changed.</source>
            <translation>Chưa có gì để so sánh: trạng thái chưa thay đổi, hoặc bài chưa được lưu từ khi trạng thái thay đổi.</translation>
        </message>
        <message>
            <source>Compared with the version saved at the last change of state (%s). Struck through in red: text taken out since. Underlined in green: text added since.</source>
            <translation>So với bản lưu khi đổi trạng thái lần gần nhất (%s). Gạch ngang màu đỏ: phần đã bỏ đi. Gạch chân màu xanh: phần mới thêm.</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <source>Checklist</source>
            <translation>Danh sách kiểm tra</translation>
        </message>
        <message>
            <source>Photo %1 (block %2): </source>
            <translation>Ảnh %1 (khối %2): </translation>
        </message>
        <message>
            <source>Block %1: </source>
            <translation>Khối %1: </translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <source>Ready to publish: nothing to fix.</source>
            <translation>Sẵn sàng đăng: không có gì cần sửa.</translation>
        </message>
        <message>
            <source>%1 to fix, %2 to look at</source>
            <translation>%1 lỗi cần sửa, %2 điểm cần xem lại</translation>
        </message>
        <message>
            <source>%1 to fix, %2 to look at, %3 for your information</source>
            <translation>%1 lỗi cần sửa, %2 điểm cần xem lại, %3 thông tin để biết</translation>
        </message>
    </context>
    <context>
        <name>CmsCopier</name>
        <message>
            <source>Preparing the article for the portal…</source>
            <translation>Đang chuẩn bị bài viết cho cổng…</translation>
        </message>
        <message>
            <source>Nothing was put on the clipboard: a photo cannot be prepared for the portal.</source>
            <translation>Chưa có gì được đưa vào bộ nhớ tạm: có ảnh không chuẩn bị được cho cổng.</translation>
        </message>
        <message>
            <source>The article is on the clipboard: paste it into the portal's editor</source>
            <translation>Bài viết đã ở trong bộ nhớ tạm: hãy dán vào trình soạn thảo của cổng</translation>
        </message>
        <message>
            <source>The article is on the clipboard; its photos are not</source>
            <translation>Bài viết đã ở trong bộ nhớ tạm; ảnh thì chưa</translation>
        </message>
        <message>
            <source>Copy for CMS</source>
            <translation>Chép sang CMS</translation>
        </message>
        <message numerus="yes">
            <source>The article is on the clipboard. Its %n photo(s) are not: upload them to the portal too, under these names, which the pasted text uses:</source>
            <translation>
                <numerusform>Bài viết đã ở trong bộ nhớ tạm, nhưng %n ảnh của bài thì không: hãy tải cả ảnh lên cổng, với đúng các tên dưới đây mà nội dung dán vào đang dùng:</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the photos to a folder now?</source>
            <translation>Lưu các ảnh vào một thư mục ngay bây giờ?</translation>
        </message>
        <message>
            <source>Save the photos for the portal</source>
            <translation>Lưu ảnh để tải lên cổng</translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s) saved in %1: upload them with the article</source>
            <translation>
                <numerusform>Đã lưu %n ảnh vào %1: hãy tải chúng lên cùng bài viết</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) in this folder already have these names and other contents:</source>
            <translation>
                <numerusform>%n tệp trong thư mục này đã mang các tên này, với nội dung khác:</numerusform>
            </translation>
        </message>
        <message>
            <source>Replace them?</source>
            <translation>Thay thế các tệp đó?</translation>
        </message>
        <message>
            <source>No photo was saved; the article is still on the clipboard.</source>
            <translation>Chưa lưu ảnh nào; bài viết vẫn ở trong bộ nhớ tạm.</translation>
        </message>
        <message>
            <source>The photos were not all saved; the article is still on the clipboard.</source>
            <translation>Chưa lưu được hết các ảnh; bài viết vẫn còn trong bộ nhớ tạm.</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Formatting</source>
            <translation>Định dạng</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>+ Paragraph</source>
            <translation>+ Đoạn văn</translation>
        </message>
        <message>
            <source>Add a paragraph after the current block</source>
            <translation>Thêm một đoạn văn sau khối đang chọn</translation>
        </message>
        <message>
            <source>+ Heading</source>
            <translation>+ Tiêu đề phụ</translation>
        </message>
        <message>
            <source>Add a subheading after the current block</source>
            <translation>Thêm một tiêu đề phụ sau khối đang chọn</translation>
        </message>
        <message>
            <source>+ Quote</source>
            <translation>+ Trích dẫn</translation>
        </message>
        <message>
            <source>Add a quotation after the current block</source>
            <translation>Thêm một trích dẫn sau khối đang chọn</translation>
        </message>
        <message>
            <source>+ Photo…</source>
            <translation>+ Ảnh…</translation>
        </message>
        <message>
            <source>Insert photos at the cursor (or drag them here, or paste one)</source>
            <translation>Chèn ảnh vào vị trí con trỏ (hoặc kéo thả ảnh vào đây, hoặc dán ảnh)</translation>
        </message>
        <message>
            <source>Add a paragraph at the end of the article</source>
            <translation>Thêm một đoạn văn vào cuối bài</translation>
        </message>
        <message>
            <source>Add photos at the end of the article</source>
            <translation>Thêm ảnh vào cuối bài</translation>
        </message>
    </context>
    <context>
        <name>CropDialog</name>
        <message>
            <source>Crop photo</source>
            <translation>Cắt ảnh</translation>
        </message>
        <message>
            <source>The photo is still being prepared; try again in a moment.</source>
            <translation>Ảnh đang được chuẩn bị; vui lòng thử lại sau giây lát.</translation>
        </message>
        <message>
            <source>This photo cannot be shown, so it cannot be cropped. Replace it with a good copy of the file.</source>
            <translation>Không hiển thị được ảnh này nên không cắt được. Hãy thay bằng một bản tốt của tệp ảnh.</translation>
        </message>
        <message>
            <source>Drag over the part of the photo to keep. Click to set the point the share card is centred on.</source>
            <translation>Kéo chuột trên phần ảnh cần giữ. Bấm một điểm để đặt tâm của ảnh chia sẻ.</translation>
        </message>
        <message>
            <source>Centre the card</source>
            <translation>Ảnh chia sẻ ở giữa</translation>
        </message>
        <message>
            <source>Whole photo</source>
            <translation>Cả ảnh</translation>
        </message>
    </context>
    <context>
        <name>Document</name>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Move block</source>
            <translation>Di chuyển khối</translation>
        </message>
        <message>
            <source>Set cover photo</source>
            <translation>Chọn ảnh đại diện</translation>
        </message>
        <message>
            <source>Change review state</source>
            <translation>Đổi trạng thái duyệt</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Thêm ghi chú</translation>
        </message>
        <message>
            <source>Reply to note</source>
            <translation>Trả lời ghi chú</translation>
        </message>
        <message>
            <source>Resolve note</source>
            <translation>Giải quyết ghi chú</translation>
        </message>
        <message>
            <source>Reopen note</source>
            <translation>Mở lại ghi chú</translation>
        </message>
        <message>
            <source>Ignore word</source>
            <translation>Bỏ qua từ</translation>
        </message>
        <message>
            <source>Unify tone marks</source>
            <translation>Thống nhất cách đặt dấu</translation>
        </message>
    </context>
    <context>
        <name>DragHandle</name>
        <message>
            <source>Drag to move this block (or Alt+Up / Alt+Down)</source>
            <translation>Kéo để di chuyển khối này (hoặc Alt+Lên / Alt+Xuống)</translation>
        </message>
    </context>
    <context>
        <name>ExportNotice</name>
        <message>
            <source>Export</source>
            <translation>Xuất bài</translation>
        </message>
        <message>
            <source>Open page</source>
            <translation>Mở trang</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Mở thư mục</translation>
        </message>
        <message>
            <source>%1 was saved to:</source>
            <translation>%1 đã được lưu vào:</translation>
        </message>
    </context>
    <context>
        <name>FileController</name>
        <message>
            <source>Open an article</source>
            <translation>Mở một bài viết</translation>
        </message>
        <message>
            <source>Articles (*.article article.json *.json);;All files (*)</source>
            <translation>Bài viết (*.article article.json *.json);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Opening %s…</source>
            <translation>Đang mở %s…</translation>
        </message>
        <message>
            <source>Opened a copy of %s: save it under another name</source>
            <translation>Đã mở bản sao của %s: hãy lưu với tên khác</translation>
        </message>
        <message>
            <source>Opened %1; changed so that it can be saved: %2</source>
            <translation>Đã mở %1; đã sửa để có thể lưu: %2</translation>
        </message>
        <message>
            <source>Opened %s</source>
            <translation>Đã mở %s</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>“%1” is open in Tòa Soạn by %2 on the computer %3, since %4.</source>
            <translation>“%1” đang được %2 mở trong Tòa Soạn trên máy %3, từ %4.</translation>
        </message>
        <message>
            <source>Open a copy</source>
            <translation>Mở bản sao</translation>
        </message>
        <message>
            <source>That copy of Tòa Soạn seems to have closed without tidying up (a crash or a power cut). If nobody is working on the article, you can take it over.</source>
            <translation>Có vẻ Tòa Soạn trên máy đó đã tắt đột ngột (lỗi chương trình hoặc mất điện). Nếu không còn ai đang sửa bài này, anh/chị có thể nhận quyền sửa.</translation>
        </message>
        <message>
            <source>Take over</source>
            <translation>Nhận quyền sửa</translation>
        </message>
        <message>
            <source>You can open a copy and save it under another name.</source>
            <translation>Anh/chị có thể mở một bản sao và lưu với tên khác.</translation>
        </message>
        <message>
            <source>The article is in use</source>
            <translation>Bài viết đang có người sửa</translation>
        </message>
        <message>
            <source>Save the article</source>
            <translation>Lưu bài viết</translation>
        </message>
        <message>
            <source>Saving %s…</source>
            <translation>Đang lưu %s…</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Đã lưu %s</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>The file was changed</source>
            <translation>Tệp đã bị thay đổi</translation>
        </message>
        <message>
            <source>“%s” was changed by someone else since you opened it. Saving here replaces their version with yours.</source>
            <translation>“%s” đã bị người khác sửa từ lúc anh/chị mở. Nếu lưu vào đây, bản của họ sẽ bị thay bằng bản của anh/chị.</translation>
        </message>
        <message>
            <source>Replace their version</source>
            <translation>Thay bản của họ</translation>
        </message>
        <message>
            <source>The file is gone</source>
            <translation>Không còn thấy tệp</translation>
        </message>
        <message>
            <source>“%s” was moved or deleted since you opened it. Your work is still here.</source>
            <translation>“%s” đã bị chuyển đi hoặc xóa từ lúc anh/chị mở. Bài đang soạn vẫn còn nguyên ở đây.</translation>
        </message>
        <message>
            <source>Save it here again</source>
            <translation>Lưu lại vào chỗ cũ</translation>
        </message>
        <message>
            <source>Or save your version under another name, and compare the two.</source>
            <translation>Hoặc lưu bản của anh/chị với tên khác rồi so sánh hai bản.</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Lưu thành…</translation>
        </message>
        <message>
            <source>Untitled article</source>
            <translation>Bài chưa đặt tên</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Thay đổi chưa lưu</translation>
        </message>
        <message>
            <source>Save the changes to “%s” first?</source>
            <translation>Lưu các thay đổi của “%s” trước nhé?</translation>
        </message>
        <message>
            <source>Web folder (index.html and images)</source>
            <translation>Thư mục trang web (index.html và ảnh)</translation>
        </message>
        <message>
            <source>Zip file (*.zip)</source>
            <translation>Tệp zip (*.zip)</translation>
        </message>
        <message>
            <source>Single HTML file (*.html)</source>
            <translation>Một tệp HTML (*.html)</translation>
        </message>
        <message>
            <source>Export the article</source>
            <translation>Xuất bài viết</translation>
        </message>
        <message>
            <source>Exporting the article and converting its photos…</source>
            <translation>Đang xuất bài và chuyển đổi ảnh…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>The exported article</source>
            <translation>Bài viết xuất ra</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Xuất bài</translation>
        </message>
        <message>
            <source>“%s” already exists. Replace it?</source>
            <translation>Đã có “%s”. Thay thế nó?</translation>
        </message>
        <message>
            <source>The PDF</source>
            <translation>Tệp PDF</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Đang xuất…</translation>
        </message>
        <message>
            <source>Exported to %s</source>
            <translation>Đã xuất ra %s</translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written</source>
            <translation>Đã hủy xuất bài: không có gì được ghi</translation>
        </message>
        <message>
            <source>Export a publish package</source>
            <translation>Xuất gói đăng bài</translation>
        </message>
        <message>
            <source>Publish package written to %s</source>
            <translation>Đã ghi gói đăng bài vào %s</translation>
        </message>
        <message>
            <source>The publish package</source>
            <translation>Gói đăng bài</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>Xuất PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF saved to %s</source>
            <translation>Đã lưu PDF vào %s</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceDialog</name>
        <message>
            <source>Find and replace</source>
            <translation>Tìm và thay thế</translation>
        </message>
        <message>
            <source>Ignore diacritics (“hoa” also finds “hòa”, “hoá”)</source>
            <translation>Không phân biệt dấu (“hoa” cũng tìm ra “hòa”, “hoá”)</translation>
        </message>
        <message>
            <source>Match case</source>
            <translation>Phân biệt chữ hoa, chữ thường</translation>
        </message>
        <message>
            <source>Find next</source>
            <translation>Tìm tiếp</translation>
        </message>
        <message>
            <source>Replace all</source>
            <translation>Thay tất cả</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Tìm</translation>
        </message>
        <message>
            <source>Replace with</source>
            <translation>Thay bằng</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>Không tìm thấy</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 trên %2</translation>
        </message>
        <message numerus="yes">
            <source>%n replacement(s)</source>
            <translation>
                <numerusform>Đã thay %n chỗ</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HeadingSegment</name>
        <message>
            <source>Edit heading</source>
            <translation>Sửa tiêu đề phụ</translation>
        </message>
        <message>
            <source>Change heading level</source>
            <translation>Đổi cấp tiêu đề</translation>
        </message>
        <message>
            <source>Subheading</source>
            <translation>Tiêu đề phụ</translation>
        </message>
        <message>
            <source>Heading</source>
            <translation>Tiêu đề mục</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>&amp;Help</source>
            <translation>Trợ &amp;giúp</translation>
        </message>
        <message>
            <source>&amp;Welcome…</source>
            <translation>&amp;Chào mừng…</translation>
        </message>
        <message>
            <source>&amp;User guide</source>
            <translation>&amp;Hướng dẫn sử dụng</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Phím tắt</translation>
        </message>
        <message>
            <source>&amp;About Tòa Soạn</source>
            <translation>&amp;Về Tòa Soạn</translation>
        </message>
        <message>
            <source>Check for &amp;updates…</source>
            <translation>Kiểm tra &amp;bản cập nhật…</translation>
        </message>
    </context>
    <context>
        <name>ImageSegment</name>
        <message>
            <source>Edit alt text</source>
            <translation>Sửa mô tả ảnh</translation>
        </message>
        <message>
            <source>Edit credit</source>
            <translation>Sửa tên người chụp</translation>
        </message>
        <message>
            <source>Caption: who is in the photo, and what they are doing</source>
            <translation>Chú thích: ai có trong ảnh, và họ đang làm gì</translation>
        </message>
        <message>
            <source>Described for readers who cannot see it</source>
            <translation>Mô tả cho người không nhìn thấy ảnh</translation>
        </message>
        <message>
            <source>Photographer (optional)</source>
            <translation>Người chụp (không bắt buộc)</translation>
        </message>
        <message>
            <source>↻ Rotate</source>
            <translation>↻ Xoay</translation>
        </message>
        <message>
            <source>Turn the photo a quarter to the right (the original file is not changed)</source>
            <translation>Xoay ảnh một góc vuông sang phải (tệp ảnh gốc không bị thay đổi)</translation>
        </message>
        <message>
            <source>Replace…</source>
            <translation>Thay ảnh…</translation>
        </message>
        <message>
            <source>Choose another photo for this block (for a missing photo, too)</source>
            <translation>Chọn ảnh khác cho khối này (kể cả khi ảnh bị thiếu)</translation>
        </message>
        <message>
            <source>Cover photo</source>
            <translation>Ảnh đại diện</translation>
        </message>
        <message>
            <source>The photo shown when the article is shared on social media</source>
            <translation>Ảnh hiện ra khi bài viết được chia sẻ lên mạng xã hội</translation>
        </message>
        <message>
            <source>Crop…</source>
            <translation>Cắt…</translation>
        </message>
        <message>
            <source>Crop ✓</source>
            <translation>Cắt ✓</translation>
        </message>
        <message>
            <source>Edit caption</source>
            <translation>Sửa chú thích</translation>
        </message>
        <message>
            <source>Photo missing:
%s</source>
            <translation>Không tìm thấy ảnh:
%s</translation>
        </message>
        <message>
            <source>Cannot show this photo</source>
            <translation>Không hiển thị được ảnh này</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Đang tải…</translation>
        </message>
        <message>
            <source>Rotate photo</source>
            <translation>Xoay ảnh</translation>
        </message>
        <message>
            <source>Crop photo</source>
            <translation>Cắt ảnh</translation>
        </message>
        <message>
            <source>Replace the photo</source>
            <translation>Thay ảnh</translation>
        </message>
        <message>
            <source>Photos (%s)</source>
            <translation>Ảnh (%s)</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>Thay ảnh</translation>
        </message>
    </context>
    <context>
        <name>Intake</name>
        <message>
            <source>Insert photos</source>
            <translation>Chèn ảnh</translation>
        </message>
        <message>
            <source>Photos (%s)</source>
            <translation>Ảnh (%s)</translation>
        </message>
        <message>
            <source>These files were not inserted:</source>
            <translation>Các tệp sau chưa được chèn:</translation>
        </message>
        <message>
            <source>Insert photo</source>
            <translation>Chèn ảnh</translation>
        </message>
        <message>
            <source>There is no picture on the clipboard</source>
            <translation>Bộ nhớ tạm không có ảnh nào</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Dán</translation>
        </message>
        <message numerus="yes">
            <source>%n picture(s) on the web were not copied (the app works offline): insert them from files</source>
            <translation>
                <numerusform>%n ảnh trên mạng chưa được chép vào (ứng dụng làm việc không cần mạng): hãy chèn ảnh từ tệp</numerusform>
            </translation>
        </message>
        <message>
            <source>Import a Word document</source>
            <translation>Nhập tệp Word</translation>
        </message>
        <message>
            <source>Word documents (*.docx);;All files (*)</source>
            <translation>Tệp Word (*.docx);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Import Word document</source>
            <translation>Nhập tệp Word</translation>
        </message>
        <message>
            <source>Reading “%s”…</source>
            <translation>Đang đọc “%s”…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Import cancelled: the open article is unchanged</source>
            <translation>Đã hủy nhập: bài đang mở không thay đổi</translation>
        </message>
        <message>
            <source>Imported. Please check:</source>
            <translation>Đã nhập xong. Vui lòng kiểm tra:</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Ngôn ngữ</translation>
        </message>
        <message>
            <source>As the system (%s)</source>
            <translation>Theo hệ thống (%s)</translation>
        </message>
    </context>
    <context>
        <name>LegacyTextGuard</name>
        <message>
            <source>Convert %s text to Unicode</source>
            <translation>Chuyển chữ %s sang Unicode</translation>
        </message>
        <message>
            <source>Text in the old %s font encoding was converted to Unicode. Undo (Ctrl+Z) keeps it as it was.</source>
            <translation>Chữ gõ bằng bảng mã cũ %s đã được chuyển sang Unicode. Bấm Hoàn tác (Ctrl+Z) nếu muốn giữ nguyên như cũ.</translation>
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <source>Drafts library</source>
            <translation>Thư viện bài viết</translation>
        </message>
        <message>
            <source>Add folder…</source>
            <translation>Thêm thư mục…</translation>
        </message>
        <message>
            <source>Remove folder…</source>
            <translation>Bỏ thư mục…</translation>
        </message>
        <message>
            <source>Search: marks are optional (dang bo finds Đảng bộ)</source>
            <translation>Tìm kiếm: gõ không dấu cũng được (dang bo tìm ra Đảng bộ)</translation>
        </message>
        <message>
            <source>Every state</source>
            <translation>Mọi trạng thái</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Tác giả</translation>
        </message>
        <message>
            <source>Assignee</source>
            <translation>Người phụ trách</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Từ khóa</translation>
        </message>
        <message>
            <source>Published from</source>
            <translation>Đăng từ ngày</translation>
        </message>
        <message>
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Sửa lần cuối</translation>
        </message>
        <message>
            <source>Open by</source>
            <translation>Đang mở bởi</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Bị hỏng</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>Open a copy</source>
            <translation>Mở bản sao</translation>
        </message>
        <message>
            <source>Duplicate as new</source>
            <translation>Nhân bản thành bài mới</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Mở thư mục chứa</translation>
        </message>
        <message>
            <source>No folder yet: add the folder where the office keeps its drafts.</source>
            <translation>Chưa có thư mục nào: hãy thêm thư mục nơi cơ quan lưu các bài viết.</translation>
        </message>
        <message>
            <source>Add a folder of drafts</source>
            <translation>Thêm thư mục bài viết</translation>
        </message>
        <message>
            <source>This computer's SQLite has no full-text search (FTS5): searching reads the whole index, more slowly.</source>
            <translation>SQLite trên máy này không có tìm kiếm toàn văn (FTS5): việc tìm kiếm sẽ đọc toàn bộ chỉ mục, chậm hơn.</translation>
        </message>
        <message>
            <source>Cannot read these folders now; the drafts in them are listed as last seen:</source>
            <translation>Hiện không đọc được các thư mục này; các bài viết trong đó vẫn được liệt kê như lần đọc trước:</translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s)</source>
            <translation>
                <numerusform>%n bài viết</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LinkDialog</name>
        <message>
            <source>Link</source>
            <translation>Liên kết</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>Đị&amp;a chỉ:</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>&amp;Chữ hiển thị:</translation>
        </message>
        <message>
            <source>The words readers click (the address if empty)</source>
            <translation>Chữ người đọc bấm vào (để trống: hiện địa chỉ)</translation>
        </message>
        <message>
            <source>&amp;Remove link</source>
            <translation>&amp;Bỏ liên kết</translation>
        </message>
        <message>
            <source>A link's address starts with http://, https:// or mailto:</source>
            <translation>Địa chỉ liên kết phải bắt đầu bằng http://, https:// hoặc mailto:</translation>
        </message>
        <message>
            <source>Use %s</source>
            <translation>Dùng %s</translation>
        </message>
    </context>
    <context>
        <name>ListSegment</name>
        <message>
            <source>End list</source>
            <translation>Kết thúc danh sách</translation>
        </message>
        <message>
            <source>List items: Enter starts the next one, twice ends the list</source>
            <translation>Các mục của danh sách: Enter để sang mục tiếp theo, Enter hai lần để kết thúc danh sách</translation>
        </message>
        <message>
            <source>Numbered</source>
            <translation>Đánh số</translation>
        </message>
        <message>
            <source>Numbers (1, 2, 3…) instead of bullets</source>
            <translation>Dùng số (1, 2, 3…) thay cho dấu đầu dòng</translation>
        </message>
        <message>
            <source>starting at</source>
            <translation>bắt đầu từ</translation>
        </message>
        <message>
            <source>Edit list</source>
            <translation>Sửa danh sách</translation>
        </message>
        <message>
            <source>Change list kind</source>
            <translation>Đổi kiểu danh sách</translation>
        </message>
        <message>
            <source>Change list start</source>
            <translation>Đổi số bắt đầu của danh sách</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Autosave failed: %s</source>
            <translation>Tự động lưu không được: %s</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Mở &amp;gần đây</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Sửa</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <translation>Định &amp;dạng</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <source>Preview width</source>
            <translation>Khổ xem trước</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Cài đặt</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Thanh công cụ chính</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Đang xử lý…</translation>
        </message>
        <message>
            <source>Untitled article</source>
            <translation>Bài chưa đặt tên</translation>
        </message>
        <message>
            <source>Autosave</source>
            <translation>Tự động lưu</translation>
        </message>
        <message>
            <source>The autosave workspace could not be used, so a fresh one was started. Nothing on screen is lost; work kept in the old one may be missing.</source>
            <translation>Không dùng được kho tự động lưu, nên đã tạo một kho mới. Những gì đang có trên màn hình không mất; phần việc lưu trong kho cũ có thể bị thiếu.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Xuất bài</translation>
        </message>
        <message>
            <source>The checklist found problems to fix before publishing:</source>
            <translation>Danh sách kiểm tra thấy các lỗi cần sửa trước khi đăng:</translation>
        </message>
        <message>
            <source>Export anyway?</source>
            <translation>Vẫn xuất bài?</translation>
        </message>
        <message>
            <source>Unify tone marks</source>
            <translation>Thống nhất cách đặt dấu</translation>
        </message>
        <message>
            <source>Choose the old style (hòa, thủy) or the new one (hoà, thuỷ) under Settings ▸ Site profile… first.</source>
            <translation>Hãy chọn kiểu đặt dấu cũ (hòa, thủy) hoặc mới (hoà, thuỷ) ở Cài đặt ▸ Thông tin cổng… trước.</translation>
        </message>
        <message numerus="yes">
            <source>Tone marks unified in %n field(s)</source>
            <translation>
                <numerusform>Đã thống nhất cách đặt dấu ở %n ô</numerusform>
            </translation>
        </message>
        <message>
            <source>The tone marks already follow the site profile's style</source>
            <translation>Cách đặt dấu đã theo đúng kiểu trong Thông tin cổng</translation>
        </message>
        <message>
            <source>Your unsaved work is back; %s was not opened</source>
            <translation>Phần việc chưa lưu đã được khôi phục; chưa mở %s</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>A note on the block being edited, or a reply</source>
            <translation>Ghi chú cho khối đang sửa, hoặc lời trả lời</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Thêm ghi chú</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Trả lời</translation>
        </message>
        <message>
            <source>resolved</source>
            <translation>đã giải quyết</translation>
        </message>
        <message>
            <source>open</source>
            <translation>chưa giải quyết</translation>
        </message>
        <message>
            <source>Block %1 · %2 · %3</source>
            <translation>Khối %1 · %2 · %3</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Mở lại</translation>
        </message>
        <message>
            <source>Resolve</source>
            <translation>Đã giải quyết</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>Publish</source>
            <translation>Đăng bài</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Bản nháp</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Gửi duyệt</translation>
        </message>
        <message>
            <source>Publish now</source>
            <translation>Đăng ngay</translation>
        </message>
        <message>
            <source>Scheduled, at the article's date</source>
            <translation>Hẹn giờ, theo ngày đăng của bài</translation>
        </message>
        <message>
            <source>Text only, without the photos</source>
            <translation>Chỉ gửi chữ, không kèm ảnh</translation>
        </message>
        <message>
            <source>%v of %m photos</source>
            <translation>%v/%m ảnh</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Trạng thái:</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Kiểm tra kết nối</translation>
        </message>
        <message>
            <source>Save the article first (File ▸ Save, as an .article draft): publishing sends the draft as saved.</source>
            <translation>Hãy lưu bài trước (Tệp ▸ Lưu, thành tệp .article): bài được gửi đúng như bản đã lưu.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Đang kết nối…</translation>
        </message>
        <message>
            <source>upload photos</source>
            <translation>tải ảnh lên</translation>
        </message>
        <message>
            <source>publish</source>
            <translation>đăng bài</translation>
        </message>
        <message>
            <source>submit for review</source>
            <translation>gửi duyệt</translation>
        </message>
        <message>
            <source>create tags and categories</source>
            <translation>tạo từ khóa và chuyên mục</translation>
        </message>
        <message>
            <source>Connected to %1 as %2 (%3).</source>
            <translation>Đã kết nối tới %1 với tài khoản %2 (%3).</translation>
        </message>
        <message>
            <source>Sending photo %1 of %2…</source>
            <translation>Đang gửi ảnh %1/%2…</translation>
        </message>
        <message>
            <source>Sending the post…</source>
            <translation>Đang gửi bài…</translation>
        </message>
        <message>
            <source>Not published: the checklist found errors.</source>
            <translation>Chưa đăng: bảng kiểm tra còn lỗi.</translation>
        </message>
        <message>
            <source>Address from the portal</source>
            <translation>Địa chỉ do cổng cấp</translation>
        </message>
        <message>
            <source>State from the portal</source>
            <translation>Trạng thái theo cổng</translation>
        </message>
        <message>
            <source>Published: post %1, %2</source>
            <translation>Đã gửi: bài số %1, %2</translation>
        </message>
        <message>
            <source>The post was changed on the portal since you last published it. Overwrite those changes with this article?</source>
            <translation>Bài trên cổng đã được sửa kể từ lần đăng trước. Ghi đè những thay đổi đó bằng bài này?</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Cancelling after the current step…</source>
            <translation>Đang hủy sau bước hiện tại…</translation>
        </message>
    </context>
    <context>
        <name>PublishedEdit</name>
        <message>
            <source>no date</source>
            <translation>chưa có ngày</translation>
        </message>
        <message>
            <source>Day/month/year, e.g. 15/12/2023; the time may follow: 15/12/2023 09:30</source>
            <translation>Ngày/tháng/năm, ví dụ 15/12/2023; có thể ghi kèm giờ: 15/12/2023 09:30</translation>
        </message>
        <message>
            <source>hh:mm</source>
            <translation>gg:pp</translation>
        </message>
        <message>
            <source>Hours:minutes, e.g. 09:30</source>
            <translation>Giờ:phút, ví dụ 09:30</translation>
        </message>
        <message>
            <source>Choose the day on a calendar (Alt+Down)</source>
            <translation>Chọn ngày trên lịch (Alt+Mũi tên xuống)</translation>
        </message>
        <message>
            <source>Not a date: write the day as day/month/year, e.g. 15/12/2023</source>
            <translation>Không phải ngày: hãy ghi ngày/tháng/năm, ví dụ 15/12/2023</translation>
        </message>
        <message>
            <source>Not a time: write it as hours:minutes, e.g. 09:30</source>
            <translation>Không phải giờ: hãy ghi giờ:phút, ví dụ 09:30</translation>
        </message>
    </context>
    <context>
        <name>QuoteSegment</name>
        <message>
            <source>Edit quote</source>
            <translation>Sửa trích dẫn</translation>
        </message>
        <message>
            <source>Quotation</source>
            <translation>Lời trích dẫn</translation>
        </message>
        <message>
            <source>Who said it (optional)</source>
            <translation>Người nói (không bắt buộc)</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Recover unsaved work</source>
            <translation>Khôi phục bài chưa lưu</translation>
        </message>
        <message>
            <source>never saved</source>
            <translation>chưa lưu lần nào</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Để sau</translation>
        </message>
        <message>
            <source>Tòa Soạn closed without saving this work. Restore it?</source>
            <translation>Tòa Soạn đã tắt khi bài này chưa được lưu. Khôi phục lại?</translation>
        </message>
    </context>
    <context>
        <name>RelatedEditor</name>
        <message>
            <source>Add a related article</source>
            <translation>Thêm tin liên quan</translation>
        </message>
        <message>
            <source>From the library…</source>
            <translation>Chọn từ thư viện…</translation>
        </message>
        <message>
            <source>Add related article</source>
            <translation>Thêm tin liên quan</translation>
        </message>
        <message>
            <source>Edit related article</source>
            <translation>Sửa tin liên quan</translation>
        </message>
        <message>
            <source>Move related article</source>
            <translation>Đổi thứ tự tin liên quan</translation>
        </message>
        <message>
            <source>Remove related article</source>
            <translation>Xóa tin liên quan</translation>
        </message>
    </context>
    <context>
        <name>RelatedPickerDialog</name>
        <message>
            <source>Related news from the library</source>
            <translation>Tin khác từ thư viện</translation>
        </message>
        <message>
            <source>Search the published articles: marks are optional</source>
            <translation>Tìm trong các bài đã đăng: gõ không dấu cũng được</translation>
        </message>
        <message>
            <source>Add the office's folder of drafts to the library first (View ▸ Drafts library).</source>
            <translation>Hãy thêm thư mục bài viết của cơ quan vào thư viện trước (Xem ▸ Thư viện bài viết).</translation>
        </message>
        <message>
            <source>No published article with a public address matches.</source>
            <translation>Không có bài đã đăng nào có địa chỉ công khai khớp với tìm kiếm.</translation>
        </message>
        <message numerus="yes">
            <source>%n published article(s)</source>
            <translation>
                <numerusform>%n bài đã đăng</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>Draft</source>
            <translation>Nháp</translation>
        </message>
        <message>
            <source>Waiting for review</source>
            <translation>Chờ duyệt</translation>
        </message>
        <message>
            <source>Changes requested</source>
            <translation>Cần sửa</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Đã duyệt</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Đã đăng</translation>
        </message>
    </context>
    <context>
        <name>ReviewButton</name>
        <message>
            <source>State: %s</source>
            <translation>Trạng thái: %s</translation>
        </message>
        <message>
            <source>Assignee: %s</source>
            <translation>Người phụ trách: %s</translation>
        </message>
        <message>
            <source>Due: %s</source>
            <translation>Hạn: %s</translation>
        </message>
        <message>
            <source>What changed since the last review…</source>
            <translation>Những gì đã thay đổi từ lần duyệt trước…</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review state</source>
            <translation>Trạng thái duyệt</translation>
        </message>
        <message>
            <source>Optional: what to change, or why</source>
            <translation>Không bắt buộc: cần sửa gì, hoặc vì sao</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>Hạn chót</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Assignee</source>
            <translation>Người phụ trách</translation>
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <source>Revisions</source>
            <translation>Các phiên bản</translation>
        </message>
        <message>
            <source>Restore this revision</source>
            <translation>Khôi phục phiên bản này</translation>
        </message>
        <message>
            <source>A revision is kept each time you save. Struck through in red: text only in the revision. Underlined in green: text only in the current article. Restoring can be undone.</source>
            <translation>Mỗi lần lưu, một phiên bản được giữ lại. Chữ gạch ngang màu đỏ: chỉ có trong phiên bản cũ. Chữ gạch chân màu xanh: chỉ có trong bài hiện tại. Khôi phục xong vẫn có thể hoàn tác.</translation>
        </message>
        <message>
            <source>No revisions yet. Each time you save the article, Tòa Soạn keeps the saved text here.</source>
            <translation>Chưa có phiên bản nào. Mỗi lần anh/chị lưu bài, Tòa Soạn giữ lại bản đã lưu ở đây.</translation>
        </message>
        <message>
            <source>Comparing…</source>
            <translation>Đang so sánh…</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Đang đọc…</translation>
        </message>
        <message>
            <source>The text is the same as now.</source>
            <translation>Nội dung giống hệt bản hiện tại.</translation>
        </message>
        <message>
            <source>Restore the revision of %s</source>
            <translation>Khôi phục phiên bản lúc %s</translation>
        </message>
    </context>
    <context>
        <name>SharePreviewPanel</name>
        <message>
            <source>Share preview</source>
            <translation>Thẻ chia sẻ</translation>
        </message>
        <message>
            <source>Add a cover photo to see the card</source>
            <translation>Thêm ảnh đại diện để xem thẻ chia sẻ</translation>
        </message>
        <message>
            <source>How the link may look when shared. The real card may differ: Facebook and Zalo publish no lengths, so the title and description are cut by lines at each card's usual width, and each app uses its own font.</source>
            <translation>Liên kết có thể trông như thế này khi được chia sẻ. Thẻ thật có thể khác: Facebook và Zalo không công bố độ dài, nên tiêu đề và mô tả được cắt theo số dòng ở độ rộng thường thấy của từng thẻ, và mỗi ứng dụng dùng phông chữ riêng.</translation>
        </message>
        <message>
            <source>The article has no public address yet: without one the exported page names no card, and the networks show the link bare.</source>
            <translation>Bài viết chưa có địa chỉ công khai (Địa chỉ bài viết): khi chưa có, trang xuất ra không có ảnh chia sẻ, và mạng xã hội chỉ hiện liên kết trơn.</translation>
        </message>
        <message>
            <source>The card could not be made from the cover photo.</source>
            <translation>Không tạo được ảnh chia sẻ từ ảnh đại diện.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Phím tắt</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>New paragraph (in the body)</source>
            <translation>Đoạn văn mới (trong phần nội dung)</translation>
        </message>
        <message>
            <source>Move the block up or down</source>
            <translation>Chuyển khối lên hoặc xuống</translation>
        </message>
        <message>
            <source>Ctrl + wheel</source>
            <translation>Ctrl + lăn chuột</translation>
        </message>
        <message>
            <source>Zoom the preview</source>
            <translation>Phóng to, thu nhỏ bản xem trước</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Phím</translation>
        </message>
        <message>
            <source>What they do</source>
            <translation>Tác dụng</translation>
        </message>
    </context>
    <context>
        <name>SiteProfileBar</name>
        <message>
            <source>Use this computer's profile</source>
            <translation>Dùng thông tin cổng của máy này</translation>
        </message>
        <message>
            <source>Keep the article's</source>
            <translation>Giữ của bài viết</translation>
        </message>
        <message>
            <source>This article was written with another site profile (“%1”) than this computer's (“%2”). The page shows the article's.</source>
            <translation>Bài viết này được soạn với thông tin cổng (“%1”) khác với thông tin cổng của máy này (“%2”). Trang đang hiển thị theo thông tin cổng của bài viết.</translation>
        </message>
        <message>
            <source>Use this computer's site profile</source>
            <translation>Dùng thông tin cổng của máy này</translation>
        </message>
    </context>
    <context>
        <name>SiteProfileDialog</name>
        <message>
            <source>Site profile</source>
            <translation>Thông tin cổng</translation>
        </message>
        <message>
            <source>For example: Mã QR Code truy cập vào Fanpage</source>
            <translation>Ví dụ: Mã QR Code truy cập vào Fanpage</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>The portal's sections, separated by commas</source>
            <translation>Các chuyên mục của cổng, cách nhau bằng dấu phẩy</translation>
        </message>
        <message>
            <source>For example: © Cổng thông tin điện tử huyện Lê Chân</source>
            <translation>Ví dụ: © Cổng thông tin điện tử huyện Lê Chân</translation>
        </message>
        <message>
            <source>Write the credit, caption and copyright into exported photos</source>
            <translation>Ghi tác giả ảnh, chú thích và bản quyền vào ảnh xuất ra</translation>
        </message>
        <message>
            <source>Portal name</source>
            <translation>Tên cổng thông tin</translation>
        </message>
        <message>
            <source>Site address</source>
            <translation>Địa chỉ cổng</translation>
        </message>
        <message>
            <source>Fanpage address</source>
            <translation>Địa chỉ fanpage</translation>
        </message>
        <message>
            <source>Fanpage QR caption</source>
            <translation>Chú thích mã QR fanpage</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Biểu trưng (logo)</translation>
        </message>
        <message>
            <source>Tone marks</source>
            <translation>Kiểu đặt dấu thanh</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Chuyên mục</translation>
        </message>
        <message>
            <source>Copyright notice</source>
            <translation>Thông báo bản quyền</translation>
        </message>
        <message>
            <source>Default author</source>
            <translation>Tác giả mặc định</translation>
        </message>
        <message>
            <source>Default source</source>
            <translation>Nguồn tin mặc định</translation>
        </message>
        <message>
            <source>Publishing (WordPress)</source>
            <translation>Đăng bài (WordPress)</translation>
        </message>
        <message>
            <source>Kept in the system keyring; leave empty to keep the stored one</source>
            <translation>Được cất trong kho mật khẩu của hệ thống; để trống thì giữ mật khẩu đã lưu</translation>
        </message>
        <message>
            <source>For articles without a section, for example: Tin tức</source>
            <translation>Cho bài chưa có chuyên mục, ví dụ: Tin tức</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Bản nháp</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Gửi duyệt</translation>
        </message>
        <message>
            <source>Publish now</source>
            <translation>Đăng ngay</translation>
        </message>
        <message>
            <source>Scheduled, at the article's date</source>
            <translation>Hẹn giờ, theo ngày đăng của bài</translation>
        </message>
        <message>
            <source>WordPress site address</source>
            <translation>Địa chỉ trang WordPress</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Application password</source>
            <translation>Mật khẩu ứng dụng</translation>
        </message>
        <message>
            <source>Default category</source>
            <translation>Chuyên mục mặc định</translation>
        </message>
        <message>
            <source>Default status</source>
            <translation>Trạng thái mặc định</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Nhập từ tệp…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Xuất ra tệp…</translation>
        </message>
        <message>
            <source>As typed (choose when unifying)</source>
            <translation>Để nguyên như khi gõ</translation>
        </message>
        <message>
            <source>Old style: hòa, thủy, khỏe</source>
            <translation>Kiểu cũ: hòa, thủy, khỏe</translation>
        </message>
        <message>
            <source>New style: hoà, thuỷ, khoẻ</source>
            <translation>Kiểu mới: hoà, thuỷ, khoẻ</translation>
        </message>
        <message>
            <source>Give the WordPress site address the password is for.</source>
            <translation>Hãy nhập địa chỉ trang WordPress mà mật khẩu này dùng cho.</translation>
        </message>
        <message>
            <source>Publishing cannot be set up so:</source>
            <translation>Chưa thiết lập được việc đăng bài như vậy:</translation>
        </message>
        <message>
            <source>Choose the portal's logo</source>
            <translation>Chọn logo của cổng</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</source>
            <translation>Ảnh (*.png *.jpg *.jpeg *.gif *.webp *.svg)</translation>
        </message>
        <message>
            <source>Import a site profile</source>
            <translation>Nhập thông tin cổng</translation>
        </message>
        <message>
            <source>Site profile (*.json)</source>
            <translation>Thông tin cổng (*.json)</translation>
        </message>
        <message>
            <source>Export the site profile</source>
            <translation>Xuất thông tin cổng</translation>
        </message>
    </context>
    <context>
        <name>SiteProfileEditor</name>
        <message>
            <source>Site profile</source>
            <translation>Thông tin cổng</translation>
        </message>
        <message>
            <source>The application password was not stored: %s</source>
            <translation>Chưa lưu được mật khẩu ứng dụng: %s</translation>
        </message>
        <message>
            <source>Site profile saved</source>
            <translation>Đã lưu thông tin cổng</translation>
        </message>
    </context>
    <context>
        <name>SpellMenu</name>
        <message>
            <source>Convert to “%s”</source>
            <translation>Chuyển thành “%s”</translation>
        </message>
        <message>
            <source>(no suggestion)</source>
            <translation>(không có gợi ý)</translation>
        </message>
        <message>
            <source>Add to the site's dictionary</source>
            <translation>Thêm vào từ điển của cổng</translation>
        </message>
        <message>
            <source>Ignore in this article</source>
            <translation>Bỏ qua trong bài này</translation>
        </message>
        <message>
            <source>Convert Telex</source>
            <translation>Chuyển chữ Telex</translation>
        </message>
        <message>
            <source>Correct spelling</source>
            <translation>Sửa chính tả</translation>
        </message>
    </context>
    <context>
        <name>TextField</name>
        <message>
            <source>Paragraph</source>
            <translation>Đoạn văn</translation>
        </message>
        <message>
            <source>Subheading</source>
            <translation>Tiêu đề phụ</translation>
        </message>
        <message>
            <source>Quotation</source>
            <translation>Lời trích dẫn</translation>
        </message>
        <message>
            <source>Who said it</source>
            <translation>Người nói</translation>
        </message>
        <message>
            <source>List item</source>
            <translation>Mục danh sách</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Chú thích</translation>
        </message>
        <message>
            <source>Alt text</source>
            <translation>Mô tả ảnh</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Người chụp</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Tiêu đề</translation>
        </message>
        <message>
            <source>Num&amp;ber and symbol</source>
            <translation>Số, &amp;ký hiệu</translation>
        </message>
        <message>
            <source>&amp;Lead</source>
            <translation>&amp;Sapo</translation>
        </message>
        <message>
            <source>A&amp;uthor</source>
            <translation>Tác &amp;giả</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>&amp;Nguồn tin</translation>
        </message>
        <message>
            <source>Sectio&amp;n</source>
            <translation>Chuyên &amp;mục</translation>
        </message>
    </context>
    <context>
        <name>TextFormatter</name>
        <message>
            <source>Bold</source>
            <translation>In đậm</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>In nghiêng</translation>
        </message>
        <message>
            <source>Remove link</source>
            <translation>Bỏ liên kết</translation>
        </message>
        <message>
            <source>Heading</source>
            <translation>Tiêu đề mục</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Trích dẫn</translation>
        </message>
        <message>
            <source>Bulleted list</source>
            <translation>Danh sách gạch đầu dòng</translation>
        </message>
        <message>
            <source>Numbered list</source>
            <translation>Danh sách đánh số</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Liên kết</translation>
        </message>
    </context>
    <context>
        <name>TextSegment</name>
        <message>
            <source>Write the article here. Enter starts a new paragraph.</source>
            <translation>Viết bài ở đây. Nhấn Enter để sang đoạn mới.</translation>
        </message>
        <message>
            <source>Typing</source>
            <translation>Gõ chữ</translation>
        </message>
        <message>
            <source>New paragraph</source>
            <translation>Đoạn mới</translation>
        </message>
        <message>
            <source>Join paragraphs</source>
            <translation>Nối đoạn</translation>
        </message>
    </context>
    <context>
        <name>UpdateOffer</name>
        <message>
            <source>Folder the updates are put in</source>
            <translation>Thư mục chứa các bản cập nhật</translation>
        </message>
        <message>
            <source>Updates</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>This is the newest version (%s).</source>
            <translation>Đây là phiên bản mới nhất (%s).</translation>
        </message>
        <message>
            <source>Tòa Soạn %1 is available; this is %2.

What's new:
%3

Update on next start? The work open now is not touched.</source>
            <translation>Đã có Tòa Soạn %1; máy này đang dùng %2.

Có gì mới:
%3

Cập nhật vào lần mở sau? Công việc đang mở không bị ảnh hưởng.</translation>
        </message>
        <message>
            <source>Update available</source>
            <translation>Có bản cập nhật</translation>
        </message>
        <message>
            <source>Tòa Soạn %s will start the next time you open it.</source>
            <translation>Lần mở tới, Tòa Soạn %s sẽ được dùng.</translation>
        </message>
    </context>
    <context>
        <name>UrlEdit</name>
        <message>
            <source>Must start with http:// or https://</source>
            <translation>Phải bắt đầu bằng http:// hoặc https://</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Tòa Soạn</source>
            <translation>Chào mừng đến với Tòa Soạn</translation>
        </message>
        <message>
            <source>Write the article in the form on the left; the page as readers will see it is on the right.</source>
            <translation>Soạn bài trong biểu mẫu bên trái; trang bài viết như bạn đọc sẽ thấy nằm ở bên phải.</translation>
        </message>
        <message>
            <source>Photos: drag them onto the form. Each needs a caption and a short description.</source>
            <translation>Ảnh: kéo ảnh vào biểu mẫu. Mỗi ảnh cần chú thích và một mô tả ngắn.</translation>
        </message>
        <message>
            <source>The checklist says what is missing before you export or publish.</source>
            <translation>Danh sách kiểm tra cho biết còn thiếu gì trước khi xuất hoặc đăng bài.</translation>
        </message>
        <message>
            <source>Your work is saved by itself; after a power cut the app offers it back.</source>
            <translation>Bài của bạn tự được lưu; sau khi mất điện, ứng dụng sẽ đề nghị khôi phục.</translation>
        </message>
        <message>
            <source>Tòa Soạn writes news articles for your portal, offline, and exports them ready to publish.</source>
            <translation>Tòa Soạn giúp soạn tin bài cho cổng thông tin, không cần mạng, và xuất bài sẵn sàng để đăng.</translation>
        </message>
        <message>
            <source>First, tell the app about your portal: its name, web address, fanpage and logo.</source>
            <translation>Trước hết, hãy cho ứng dụng biết về cổng thông tin: tên, địa chỉ web, fanpage và logo.</translation>
        </message>
        <message>
            <source>Fill in the site profile…</source>
            <translation>Điền thông tin cổng…</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Để sau</translation>
        </message>
    </context>
    <context>
        <name>WordCountLabel</name>
        <message numerus="yes">
            <source>%n word(s)</source>
            <translation>
                <numerusform>%n chữ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min read</source>
            <translation>
                <numerusform>%n phút đọc</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_RelatedRow</name>
        <message>
            <source>Title of the other article</source>
            <translation>Tiêu đề bài liên quan</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Chuyển lên</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Chuyển xuống</translation>
        </message>
        <message>
            <source>Remove this link</source>
            <translation>Xóa liên kết này</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Someone else has this article open. Save your version under another name.</source>
            <translation>Bài viết đang được người khác mở. Hãy lưu bản của anh/chị với tên khác.</translation>
        </message>
        <message>
            <source>This article was made by a newer version of Tòa Soạn. Update the app to open it.</source>
            <translation>Bài viết này được tạo bằng phiên bản Tòa Soạn mới hơn. Hãy cập nhật ứng dụng để mở.</translation>
        </message>
        <message>
            <source>This file cannot be opened: it is not an article draft, or it is damaged.</source>
            <translation>Không mở được tệp này: đây không phải bản thảo bài viết, hoặc tệp đã bị hỏng.</translation>
        </message>
        <message>
            <source>The article file has problems. Fix them in the file, or ask whoever made it.</source>
            <translation>Tệp bài viết có lỗi. Hãy sửa trong tệp, hoặc hỏi người đã tạo ra tệp.</translation>
        </message>
        <message>
            <source>A photo cannot be used. Check that the file is a photo and is still there, or choose another one.</source>
            <translation>Không dùng được một ảnh. Hãy kiểm tra tệp có đúng là ảnh và vẫn còn ở chỗ cũ không, hoặc chọn ảnh khác.</translation>
        </message>
        <message>
            <source>This Word document cannot be imported. Save it as .docx in Word, then import it again.</source>
            <translation>Không nhập được tệp Word này. Hãy mở bằng Word, lưu thành .docx rồi nhập lại.</translation>
        </message>
        <message>
            <source>Autosave cannot use its folder. Your work is still open: save it to a file now.</source>
            <translation>Không tự động lưu được vào thư mục riêng của ứng dụng. Bài vẫn đang mở: hãy lưu ra tệp ngay.</translation>
        </message>
        <message>
            <source>The export was cancelled. Nothing was written.</source>
            <translation>Đã hủy xuất bài. Không có gì được ghi.</translation>
        </message>
        <message>
            <source>The article was not exported. Nothing was written. A photo in it cannot be used: replace or delete it (the checklist names it), then export again.</source>
            <translation>Bài viết chưa được xuất, chưa có gì được ghi ra. Có ảnh trong bài không dùng được: hãy thay hoặc xóa ảnh đó (danh sách kiểm tra chỉ rõ ảnh nào) rồi xuất lại.</translation>
        </message>
        <message>
            <source>Photo %1 (block %2, %3) cannot be shown: replace it with a good copy of the file.</source>
            <translation>Không hiển thị được ảnh %1 (khối %2, %3): hãy thay bằng một bản tốt của tệp ảnh.</translation>
        </message>
        <message>
            <source>The article was not exported. Nothing was written. Choose another place or name and export again.</source>
            <translation>Bài viết chưa được xuất, chưa có gì được ghi ra. Hãy chọn chỗ lưu hoặc tên khác rồi xuất lại.</translation>
        </message>
        <message>
            <source>The article was not published. What is on the portal now is said below; publish again to finish.</source>
            <translation>Bài chưa được đăng. Những gì đã có trên cổng được ghi bên dưới; đăng lại để hoàn tất.</translation>
        </message>
        <message>
            <source>The site profile cannot be used. Check the file, or fill in the profile again under Settings.</source>
            <translation>Không dùng được thông tin cổng. Hãy kiểm tra tệp, hoặc nhập lại thông tin ở mục Cài đặt.</translation>
        </message>
        <message>
            <source>The disk is full. Free some space, or save somewhere else.</source>
            <translation>Ổ đĩa đã đầy. Hãy dọn bớt dữ liệu, hoặc lưu vào chỗ khác.</translation>
        </message>
        <message>
            <source>You may not write in that folder. Save somewhere else, or ask your IT staff.</source>
            <translation>Anh/chị không có quyền ghi vào thư mục đó. Hãy lưu vào chỗ khác, hoặc hỏi cán bộ phụ trách máy tính.</translation>
        </message>
        <message>
            <source>That disk is read-only. Save somewhere else.</source>
            <translation>Ổ đĩa đó chỉ cho phép đọc. Hãy lưu vào chỗ khác.</translation>
        </message>
        <message>
            <source>Another program keeps the file open (an antivirus scanner, a backup or sync tool). Try again in a moment.</source>
            <translation>Một chương trình khác đang giữ tệp (phần mềm diệt virus, sao lưu hoặc đồng bộ). Hãy thử lại sau giây lát.</translation>
        </message>
        <message>
            <source>The file is not there any more: it was moved, renamed or deleted.</source>
            <translation>Tệp không còn ở đó: đã bị chuyển đi, đổi tên hoặc xóa.</translation>
        </message>
        <message>
            <source>The photo is too big for this computer's memory. Make it smaller in a photo editor, or choose another one.</source>
            <translation>Ảnh quá lớn so với bộ nhớ của máy này. Hãy thu nhỏ ảnh bằng phần mềm chỉnh ảnh, hoặc chọn ảnh khác.</translation>
        </message>
        <message>
            <source>That folder holds other files, so it was left as it was. Export into a new or empty folder.</source>
            <translation>Thư mục đó chứa các tệp khác nên được giữ nguyên. Hãy xuất vào một thư mục mới hoặc trống.</translation>
        </message>
        <message>
            <source>That is not an ordinary file (a device, a pipe or a folder). Choose a file.</source>
            <translation>Đó không phải là một tệp thông thường (thiết bị, đường ống hoặc thư mục). Hãy chọn một tệp.</translation>
        </message>
        <message>
            <source>The document is protected by a password. Remove the password in Word, save it, and import it again.</source>
            <translation>Tài liệu được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu trong Word, lưu lại rồi nhập lại.</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes)</source>
            <translation>tệp trống (0 byte)</translation>
        </message>
        <message>
            <source>not an image, or a format the app does not read</source>
            <translation>không phải ảnh, hoặc là định dạng ứng dụng không đọc được</translation>
        </message>
        <message>
            <source>the image is damaged</source>
            <translation>ảnh bị hỏng</translation>
        </message>
        <message>
            <source>the image has too many pixels to open safely (it may be damaged)</source>
            <translation>ảnh có quá nhiều điểm ảnh để mở an toàn (có thể tệp bị hỏng)</translation>
        </message>
        <message>
            <source>the file is not there any more</source>
            <translation>tệp không còn ở đó nữa</translation>
        </message>
        <message>
            <source>you may not read this file</source>
            <translation>anh/chị không có quyền đọc tệp này</translation>
        </message>
        <message>
            <source>the file cannot be read</source>
            <translation>không đọc được tệp</translation>
        </message>
        <message>
            <source>The article was not saved. The previous file is unchanged; your work is still open.</source>
            <translation>Bài viết chưa được lưu. Tệp cũ vẫn nguyên vẹn; bài đang soạn vẫn còn mở.</translation>
        </message>
        <message>
            <source>Something went wrong.</source>
            <translation>Đã xảy ra lỗi.</translation>
        </message>
    </context>
</TS>
