<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Tòa Soạn</source>
            <translation>About Tòa Soạn</translation>
        </message>
        <message>
            <source>Write, preview and export the news of a local government portal.</source>
            <translation>Write, preview and export the news of a local government portal.</translation>
        </message>
        <message>
            <source>Part</source>
            <translation>Part</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
        <message>
            <source>The licence texts are in %s</source>
            <translation>The licence texts are in %s</translation>
        </message>
        <message>
            <source>Open the licence texts</source>
            <translation>Open the licence texts</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>Start a new article</source>
            <translation>Start a new article</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>Open an article</source>
            <translation>Open an article</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save the article</source>
            <translation>Save the article</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Save &amp;As…</translation>
        </message>
        <message>
            <source>Save the article under another name</source>
            <translation>Save the article under another name</translation>
        </message>
        <message>
            <source>Re&amp;visions…</source>
            <translation>Re&amp;visions…</translation>
        </message>
        <message>
            <source>The versions kept at each save, and what changed since</source>
            <translation>The versions kept at each save, and what changed since</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>Export the page for the portal: a folder, a zip or one HTML file</source>
            <translation>Export the page for the portal: a folder, a zip or one HTML file</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>Export &amp;PDF…</translation>
        </message>
        <message>
            <source>Save the page as an A4 PDF</source>
            <translation>Save the page as an A4 PDF</translation>
        </message>
        <message>
            <source>Export publish pac&amp;kage…</source>
            <translation>Export publish pac&amp;kage…</translation>
        </message>
        <message>
            <source>One zip for a portal with no publishing API: the body, its photos and a sheet of the fields to fill in</source>
            <translation>One zip for a portal with no publishing API: the body, its photos and a sheet of the fields to fill in</translation>
        </message>
        <message>
            <source>P&amp;ublish…</source>
            <translation>P&amp;ublish…</translation>
        </message>
        <message>
            <source>Send the saved article to the portal's WordPress: a draft, for review, or published</source>
            <translation>Send the saved article to the portal's WordPress: a draft, for review, or published</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>Print the page</source>
            <translation>Print the page</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Insert &amp;photo…</source>
            <translation>Insert &amp;photo…</translation>
        </message>
        <message>
            <source>Insert photos at the cursor</source>
            <translation>Insert photos at the cursor</translation>
        </message>
        <message>
            <source>Paste photo</source>
            <translation>Paste photo</translation>
        </message>
        <message>
            <source>Insert the picture on the clipboard</source>
            <translation>Insert the picture on the clipboard</translation>
        </message>
        <message>
            <source>Site &amp;profile…</source>
            <translation>Site &amp;profile…</translation>
        </message>
        <message>
            <source>The portal's name, address, fanpage and logo</source>
            <translation>The portal's name, address, fanpage and logo</translation>
        </message>
        <message>
            <source>&amp;Import Word document…</source>
            <translation>&amp;Import Word document…</translation>
        </message>
        <message>
            <source>Start an article from a .docx file, with its photos and captions</source>
            <translation>Start an article from a .docx file, with its photos and captions</translation>
        </message>
        <message>
            <source>&amp;Find and replace…</source>
            <translation>&amp;Find and replace…</translation>
        </message>
        <message>
            <source>Find and replace in every field</source>
            <translation>Find and replace in every field</translation>
        </message>
        <message>
            <source>Copy for &amp;CMS</source>
            <translation>Copy for &amp;CMS</translation>
        </message>
        <message>
            <source>Copy the body as HTML, with the title and lead, for the portal's web editor</source>
            <translation>Copy the body as HTML, with the title and lead, for the portal's web editor</translation>
        </message>
        <message>
            <source>Unify &amp;tone marks</source>
            <translation>Unify &amp;tone marks</translation>
        </message>
        <message>
            <source>Place tone marks in the whole article in the style chosen in the site profile</source>
            <translation>Place tone marks in the whole article in the style chosen in the site profile</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;in</translation>
        </message>
        <message>
            <source>Show the preview larger (also Ctrl + wheel)</source>
            <translation>Show the preview larger (also Ctrl + wheel)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom &amp;out</translation>
        </message>
        <message>
            <source>Show the preview smaller (also Ctrl + wheel)</source>
            <translation>Show the preview smaller (also Ctrl + wheel)</translation>
        </message>
        <message>
            <source>&amp;Fit to pane</source>
            <translation>&amp;Fit to pane</translation>
        </message>
        <message>
            <source>Scale the page to the pane again</source>
            <translation>Scale the page to the pane again</translation>
        </message>
        <message>
            <source>&amp;Bold</source>
            <translation>&amp;Bold</translation>
        </message>
        <message>
            <source>Bold (Ctrl+B)</source>
            <translation>Bold (Ctrl+B)</translation>
        </message>
        <message>
            <source>&amp;Italic</source>
            <translation>&amp;Italic</translation>
        </message>
        <message>
            <source>Italic (Ctrl+I)</source>
            <translation>Italic (Ctrl+I)</translation>
        </message>
        <message>
            <source>&amp;Link…</source>
            <translation>&amp;Link…</translation>
        </message>
        <message>
            <source>Make the selected words a link, or change the link (Ctrl+K)</source>
            <translation>Make the selected words a link, or change the link (Ctrl+K)</translation>
        </message>
        <message>
            <source>&amp;Remove link</source>
            <translation>&amp;Remove link</translation>
        </message>
        <message>
            <source>Take the link off, keeping the words (Ctrl+Shift+K)</source>
            <translation>Take the link off, keeping the words (Ctrl+Shift+K)</translation>
        </message>
        <message>
            <source>&amp;Heading</source>
            <translation>&amp;Heading</translation>
        </message>
        <message>
            <source>Make the paragraph a subheading, or a subheading a paragraph (Ctrl+Alt+2)</source>
            <translation>Make the paragraph a subheading, or a subheading a paragraph (Ctrl+Alt+2)</translation>
        </message>
        <message>
            <source>&amp;Quote</source>
            <translation>&amp;Quote</translation>
        </message>
        <message>
            <source>Make the paragraph a quotation, or a quotation a paragraph (Ctrl+Shift+Q)</source>
            <translation>Make the paragraph a quotation, or a quotation a paragraph (Ctrl+Shift+Q)</translation>
        </message>
        <message>
            <source>B&amp;ulleted list</source>
            <translation>B&amp;ulleted list</translation>
        </message>
        <message>
            <source>Make the selected paragraphs a bulleted list, or the list paragraphs (Ctrl+Shift+8)</source>
            <translation>Make the selected paragraphs a bulleted list, or the list paragraphs (Ctrl+Shift+8)</translation>
        </message>
        <message>
            <source>&amp;Numbered list</source>
            <translation>&amp;Numbered list</translation>
        </message>
        <message>
            <source>Make the selected paragraphs a numbered list, or the list paragraphs (Ctrl+Shift+7)</source>
            <translation>Make the selected paragraphs a numbered list, or the list paragraphs (Ctrl+Shift+7)</translation>
        </message>
        <message>
            <source>Phone (360 px)</source>
            <translation>Phone (360 px)</translation>
        </message>
        <message>
            <source>Tablet (768 px)</source>
            <translation>Tablet (768 px)</translation>
        </message>
        <message>
            <source>Desktop (1280 px)</source>
            <translation>Desktop (1280 px)</translation>
        </message>
        <message>
            <source>Print (A4)</source>
            <translation>Print (A4)</translation>
        </message>
    </context>
    <context>
        <name>ArticleFieldsForm</name>
        <message>
            <source>Edit title</source>
            <translation>Edit title</translation>
        </message>
        <message>
            <source>Edit author</source>
            <translation>Edit author</translation>
        </message>
        <message>
            <source>Edit source</source>
            <translation>Edit source</translation>
        </message>
        <message>
            <source>Edit number and symbol</source>
            <translation>Edit number and symbol</translation>
        </message>
        <message>
            <source>Edit original link</source>
            <translation>Edit original link</translation>
        </message>
        <message>
            <source>Edit public address</source>
            <translation>Edit public address</translation>
        </message>
        <message>
            <source>&amp;Date and time</source>
            <translation>&amp;Date and time</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>Lan&amp;guage</translation>
        </message>
        <message>
            <source>&amp;Original link</source>
            <translation>&amp;Original link</translation>
        </message>
        <message>
            <source>&amp;Public address</source>
            <translation>&amp;Public address</translation>
        </message>
        <message>
            <source>Related news</source>
            <translation>Related news</translation>
        </message>
        <message>
            <source>Ta&amp;gs</source>
            <translation>Ta&amp;gs</translation>
        </message>
        <message>
            <source>The headline readers see first</source>
            <translation>The headline readers see first</translation>
        </message>
        <message>
            <source>Vietnamese</source>
            <translation>Vietnamese</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>One paragraph that sums up the news; shown in bold under the title</source>
            <translation>One paragraph that sums up the news; shown in bold under the title</translation>
        </message>
        <message>
            <source>Where the news came from</source>
            <translation>Where the news came from</translation>
        </message>
        <message>
            <source>Of an official document, e.g. 12/QĐ-UBND</source>
            <translation>Of an official document, e.g. 12/QĐ-UBND</translation>
        </message>
        <message>
            <source>Make from title</source>
            <translation>Make from title</translation>
        </message>
        <message>
            <source>Build the address from the site address and the title</source>
            <translation>Build the address from the site address and the title</translation>
        </message>
        <message>
            <source>Keywords, separated by commas</source>
            <translation>Keywords, separated by commas</translation>
        </message>
        <message>
            <source>Edit lead</source>
            <translation>Edit lead</translation>
        </message>
        <message>
            <source>Edit tags</source>
            <translation>Edit tags</translation>
        </message>
        <message>
            <source>Change language</source>
            <translation>Change language</translation>
        </message>
        <message>
            <source>Change section</source>
            <translation>Change section</translation>
        </message>
        <message>
            <source>Change date</source>
            <translation>Change date</translation>
        </message>
        <message>
            <source>Set the site address in Site profile… first</source>
            <translation>Set the site address in Site profile… first</translation>
        </message>
        <message>
            <source>Make address from title</source>
            <translation>Make address from title</translation>
        </message>
        <message>
            <source>(no section)</source>
            <translation>(no section)</translation>
        </message>
    </context>
    <context>
        <name>BlockFrame</name>
        <message>
            <source>Remove this block</source>
            <translation>Remove this block</translation>
        </message>
    </context>
    <context>
        <name>BlocksEditor</name>
        <message>
            <source>Insert block</source>
            <translation>Insert block</translation>
        </message>
        <message>
            <source>Remove block</source>
            <translation>Remove block</translation>
        </message>
        <message>
            <source>Move block</source>
            <translation>Move block</translation>
        </message>
    </context>
    <context>
        <name>ChangesSinceReviewDialog</name>
        <message>
            <source>What changed since the last review</source>
            <translation>What changed since the last review</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <source>There is nothing to compare with yet: the state has not changed, or the article was not saved since it changed.</source>
            <translation>There is nothing to compare with yet: the state has not changed, or the article was not saved since it changed.</translation>
        </message>
        <message>
            <source>Compared with the version saved at the last change of state (%s). Struck through in red: text taken out since. Underlined in green: text added since.</source>
            <translation>Compared with the version saved at the last change of state (%s). Struck through in red: text taken out since. Underlined in green: text added since.</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <source>Checklist</source>
            <translation>Checklist</translation>
        </message>
        <message>
            <source>Photo %1 (block %2): </source>
            <translation>Photo %1 (block %2): </translation>
        </message>
        <message>
            <source>Block %1: </source>
            <translation>Block %1: </translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Ready to publish: nothing to fix.</source>
            <translation>Ready to publish: nothing to fix.</translation>
        </message>
        <message>
            <source>%1 to fix, %2 to look at</source>
            <translation>%1 to fix, %2 to look at</translation>
        </message>
        <message>
            <source>%1 to fix, %2 to look at, %3 for your information</source>
            <translation>%1 to fix, %2 to look at, %3 for your information</translation>
        </message>
    </context>
    <context>
        <name>CmsCopier</name>
        <message>
            <source>Preparing the article for the portal…</source>
            <translation>Preparing the article for the portal…</translation>
        </message>
        <message>
            <source>Nothing was put on the clipboard: a photo cannot be prepared for the portal.</source>
            <translation>Nothing was put on the clipboard: a photo cannot be prepared for the portal.</translation>
        </message>
        <message>
            <source>The article is on the clipboard: paste it into the portal's editor</source>
            <translation>The article is on the clipboard: paste it into the portal's editor</translation>
        </message>
        <message>
            <source>The article is on the clipboard; its photos are not</source>
            <translation>The article is on the clipboard; its photos are not</translation>
        </message>
        <message>
            <source>Copy for CMS</source>
            <translation>Copy for CMS</translation>
        </message>
        <message numerus="yes">
            <source>The article is on the clipboard. Its %n photo(s) are not: upload them to the portal too, under these names, which the pasted text uses:</source>
            <translation>
                <numerusform>The article is on the clipboard. Its %n photo are not: upload them to the portal too, under these names, which the pasted text uses:</numerusform>
                <numerusform>The article is on the clipboard. Its %n photos are not: upload them to the portal too, under these names, which the pasted text uses:</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the photos to a folder now?</source>
            <translation>Save the photos to a folder now?</translation>
        </message>
        <message>
            <source>Save the photos for the portal</source>
            <translation>Save the photos for the portal</translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s) saved in %1: upload them with the article</source>
            <translation>
                <numerusform>%n photo saved in %1: upload them with the article</numerusform>
                <numerusform>%n photos saved in %1: upload them with the article</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) in this folder already have these names and other contents:</source>
            <translation>
                <numerusform>%n file in this folder already have these names and other contents:</numerusform>
                <numerusform>%n files in this folder already have these names and other contents:</numerusform>
            </translation>
        </message>
        <message>
            <source>Replace them?</source>
            <translation>Replace them?</translation>
        </message>
        <message>
            <source>No photo was saved; the article is still on the clipboard.</source>
            <translation>No photo was saved; the article is still on the clipboard.</translation>
        </message>
        <message>
            <source>The photos were not all saved; the article is still on the clipboard.</source>
            <translation>The photos were not all saved; the article is still on the clipboard.</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Formatting</source>
            <translation>Formatting</translation>
        </message>
        <message>
            <source>Body</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>+ Paragraph</source>
            <translation>+ Paragraph</translation>
        </message>
        <message>
            <source>Add a paragraph after the current block</source>
            <translation>Add a paragraph after the current block</translation>
        </message>
        <message>
            <source>+ Heading</source>
            <translation>+ Heading</translation>
        </message>
        <message>
            <source>Add a subheading after the current block</source>
            <translation>Add a subheading after the current block</translation>
        </message>
        <message>
            <source>+ Quote</source>
            <translation>+ Quote</translation>
        </message>
        <message>
            <source>Add a quotation after the current block</source>
            <translation>Add a quotation after the current block</translation>
        </message>
        <message>
            <source>+ Photo…</source>
            <translation>+ Photo…</translation>
        </message>
        <message>
            <source>Insert photos at the cursor (or drag them here, or paste one)</source>
            <translation>Insert photos at the cursor (or drag them here, or paste one)</translation>
        </message>
        <message>
            <source>Add a paragraph at the end of the article</source>
            <translation>Add a paragraph at the end of the article</translation>
        </message>
        <message>
            <source>Add photos at the end of the article</source>
            <translation>Add photos at the end of the article</translation>
        </message>
    </context>
    <context>
        <name>CropDialog</name>
        <message>
            <source>Crop photo</source>
            <translation>Crop photo</translation>
        </message>
        <message>
            <source>The photo is still being prepared; try again in a moment.</source>
            <translation>The photo is still being prepared; try again in a moment.</translation>
        </message>
        <message>
            <source>This photo cannot be shown, so it cannot be cropped. Replace it with a good copy of the file.</source>
            <translation>This photo cannot be shown, so it cannot be cropped. Replace it with a good copy of the file.</translation>
        </message>
        <message>
            <source>Drag over the part of the photo to keep. Click to set the point the share card is centred on.</source>
            <translation>Drag over the part of the photo to keep. Click to set the point the share card is centred on.</translation>
        </message>
        <message>
            <source>Centre the card</source>
            <translation>Centre the card</translation>
        </message>
        <message>
            <source>Whole photo</source>
            <translation>Whole photo</translation>
        </message>
    </context>
    <context>
        <name>Document</name>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Move block</source>
            <translation>Move block</translation>
        </message>
        <message>
            <source>Set cover photo</source>
            <translation>Set cover photo</translation>
        </message>
        <message>
            <source>Change review state</source>
            <translation>Change review state</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Add note</translation>
        </message>
        <message>
            <source>Reply to note</source>
            <translation>Reply to note</translation>
        </message>
        <message>
            <source>Resolve note</source>
            <translation>Resolve note</translation>
        </message>
        <message>
            <source>Reopen note</source>
            <translation>Reopen note</translation>
        </message>
        <message>
            <source>Ignore word</source>
            <translation>Ignore word</translation>
        </message>
        <message>
            <source>Unify tone marks</source>
            <translation>Unify tone marks</translation>
        </message>
    </context>
    <context>
        <name>DragHandle</name>
        <message>
            <source>Drag to move this block (or Alt+Up / Alt+Down)</source>
            <translation>Drag to move this block (or Alt+Up / Alt+Down)</translation>
        </message>
    </context>
    <context>
        <name>ExportNotice</name>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Open page</source>
            <translation>Open page</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>%1 was saved to:</source>
            <translation>%1 was saved to:</translation>
        </message>
    </context>
    <context>
        <name>FileController</name>
        <message>
            <source>Open an article</source>
            <translation>Open an article</translation>
        </message>
        <message>
            <source>Articles (*.article article.json *.json);;All files (*)</source>
            <translation>Articles (*.article article.json *.json);;All files (*)</translation>
        </message>
        <message>
            <source>Opening %s…</source>
            <translation>Opening %s…</translation>
        </message>
        <message>
            <source>Opened a copy of %s: save it under another name</source>
            <translation>Opened a copy of %s: save it under another name</translation>
        </message>
        <message>
            <source>Opened %1; changed so that it can be saved: %2</source>
            <translation>Opened %1; changed so that it can be saved: %2</translation>
        </message>
        <message>
            <source>Opened %s</source>
            <translation>Opened %s</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>“%1” is open in Tòa Soạn by %2 on the computer %3, since %4.</source>
            <translation>“%1” is open in Tòa Soạn by %2 on the computer %3, since %4.</translation>
        </message>
        <message>
            <source>Open a copy</source>
            <translation>Open a copy</translation>
        </message>
        <message>
            <source>That copy of Tòa Soạn seems to have closed without tidying up (a crash or a power cut). If nobody is working on the article, you can take it over.</source>
            <translation>That copy of Tòa Soạn seems to have closed without tidying up (a crash or a power cut). If nobody is working on the article, you can take it over.</translation>
        </message>
        <message>
            <source>Take over</source>
            <translation>Take over</translation>
        </message>
        <message>
            <source>You can open a copy and save it under another name.</source>
            <translation>You can open a copy and save it under another name.</translation>
        </message>
        <message>
            <source>The article is in use</source>
            <translation>The article is in use</translation>
        </message>
        <message>
            <source>Save the article</source>
            <translation>Save the article</translation>
        </message>
        <message>
            <source>Saving %s…</source>
            <translation>Saving %s…</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Saved %s</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>The file was changed</source>
            <translation>The file was changed</translation>
        </message>
        <message>
            <source>“%s” was changed by someone else since you opened it. Saving here replaces their version with yours.</source>
            <translation>“%s” was changed by someone else since you opened it. Saving here replaces their version with yours.</translation>
        </message>
        <message>
            <source>Replace their version</source>
            <translation>Replace their version</translation>
        </message>
        <message>
            <source>The file is gone</source>
            <translation>The file is gone</translation>
        </message>
        <message>
            <source>“%s” was moved or deleted since you opened it. Your work is still here.</source>
            <translation>“%s” was moved or deleted since you opened it. Your work is still here.</translation>
        </message>
        <message>
            <source>Save it here again</source>
            <translation>Save it here again</translation>
        </message>
        <message>
            <source>Or save your version under another name, and compare the two.</source>
            <translation>Or save your version under another name, and compare the two.</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Save As…</translation>
        </message>
        <message>
            <source>Untitled article</source>
            <translation>Untitled article</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Save the changes to “%s” first?</source>
            <translation>Save the changes to “%s” first?</translation>
        </message>
        <message>
            <source>Web folder (index.html and images)</source>
            <translation>Web folder (index.html and images)</translation>
        </message>
        <message>
            <source>Zip file (*.zip)</source>
            <translation>Zip file (*.zip)</translation>
        </message>
        <message>
            <source>Single HTML file (*.html)</source>
            <translation>Single HTML file (*.html)</translation>
        </message>
        <message>
            <source>Export the article</source>
            <translation>Export the article</translation>
        </message>
        <message>
            <source>Exporting the article and converting its photos…</source>
            <translation>Exporting the article and converting its photos…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>The exported article</source>
            <translation>The exported article</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>“%s” already exists. Replace it?</source>
            <translation>“%s” already exists. Replace it?</translation>
        </message>
        <message>
            <source>The PDF</source>
            <translation>The PDF</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>Exported to %s</source>
            <translation>Exported to %s</translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written</source>
            <translation>Export cancelled: nothing was written</translation>
        </message>
        <message>
            <source>Export a publish package</source>
            <translation>Export a publish package</translation>
        </message>
        <message>
            <source>Publish package written to %s</source>
            <translation>Publish package written to %s</translation>
        </message>
        <message>
            <source>The publish package</source>
            <translation>The publish package</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF saved to %s</source>
            <translation>PDF saved to %s</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceDialog</name>
        <message>
            <source>Find and replace</source>
            <translation>Find and replace</translation>
        </message>
        <message>
            <source>Ignore diacritics (“hoa” also finds “hòa”, “hoá”)</source>
            <translation>Ignore diacritics (“hoa” also finds “hòa”, “hoá”)</translation>
        </message>
        <message>
            <source>Match case</source>
            <translation>Match case</translation>
        </message>
        <message>
            <source>Find next</source>
            <translation>Find next</translation>
        </message>
        <message>
            <source>Replace all</source>
            <translation>Replace all</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>Replace with</source>
            <translation>Replace with</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message numerus="yes">
            <source>%n replacement(s)</source>
            <translation>
                <numerusform>%n replacement</numerusform>
                <numerusform>%n replacements</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HeadingSegment</name>
        <message>
            <source>Edit heading</source>
            <translation>Edit heading</translation>
        </message>
        <message>
            <source>Change heading level</source>
            <translation>Change heading level</translation>
        </message>
        <message>
            <source>Subheading</source>
            <translation>Subheading</translation>
        </message>
        <message>
            <source>Heading</source>
            <translation>Heading</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Welcome…</source>
            <translation>&amp;Welcome…</translation>
        </message>
        <message>
            <source>&amp;User guide</source>
            <translation>&amp;User guide</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Check for &amp;updates…</source>
            <translation>Check for &amp;updates…</translation>
        </message>
        <message>
            <source>&amp;About Tòa Soạn</source>
            <translation>&amp;About Tòa Soạn</translation>
        </message>
    </context>
    <context>
        <name>ImageSegment</name>
        <message>
            <source>Edit alt text</source>
            <translation>Edit alt text</translation>
        </message>
        <message>
            <source>Edit credit</source>
            <translation>Edit credit</translation>
        </message>
        <message>
            <source>Caption: who is in the photo, and what they are doing</source>
            <translation>Caption: who is in the photo, and what they are doing</translation>
        </message>
        <message>
            <source>Described for readers who cannot see it</source>
            <translation>Described for readers who cannot see it</translation>
        </message>
        <message>
            <source>Photographer (optional)</source>
            <translation>Photographer (optional)</translation>
        </message>
        <message>
            <source>↻ Rotate</source>
            <translation>↻ Rotate</translation>
        </message>
        <message>
            <source>Turn the photo a quarter to the right (the original file is not changed)</source>
            <translation>Turn the photo a quarter to the right (the original file is not changed)</translation>
        </message>
        <message>
            <source>Replace…</source>
            <translation>Replace…</translation>
        </message>
        <message>
            <source>Choose another photo for this block (for a missing photo, too)</source>
            <translation>Choose another photo for this block (for a missing photo, too)</translation>
        </message>
        <message>
            <source>Cover photo</source>
            <translation>Cover photo</translation>
        </message>
        <message>
            <source>The photo shown when the article is shared on social media</source>
            <translation>The photo shown when the article is shared on social media</translation>
        </message>
        <message>
            <source>Crop…</source>
            <translation>Crop…</translation>
        </message>
        <message>
            <source>Crop ✓</source>
            <translation>Crop ✓</translation>
        </message>
        <message>
            <source>Edit caption</source>
            <translation>Edit caption</translation>
        </message>
        <message>
            <source>Photo missing:
%s</source>
            <translation>Photo missing:
%s</translation>
        </message>
        <message>
            <source>Cannot show this photo</source>
            <translation>Cannot show this photo</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Rotate photo</source>
            <translation>Rotate photo</translation>
        </message>
        <message>
            <source>Crop photo</source>
            <translation>Crop photo</translation>
        </message>
        <message>
            <source>Replace the photo</source>
            <translation>Replace the photo</translation>
        </message>
        <message>
            <source>Photos (%s)</source>
            <translation>Photos (%s)</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>Replace photo</translation>
        </message>
    </context>
    <context>
        <name>Intake</name>
        <message>
            <source>Insert photos</source>
            <translation>Insert photos</translation>
        </message>
        <message>
            <source>Photos (%s)</source>
            <translation>Photos (%s)</translation>
        </message>
        <message>
            <source>These files were not inserted:</source>
            <translation>These files were not inserted:</translation>
        </message>
        <message>
            <source>Insert photo</source>
            <translation>Insert photo</translation>
        </message>
        <message>
            <source>There is no picture on the clipboard</source>
            <translation>There is no picture on the clipboard</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Paste</translation>
        </message>
        <message numerus="yes">
            <source>%n picture(s) on the web were not copied (the app works offline): insert them from files</source>
            <translation>
                <numerusform>%n picture on the web were not copied (the app works offline): insert them from files</numerusform>
                <numerusform>%n pictures on the web were not copied (the app works offline): insert them from files</numerusform>
            </translation>
        </message>
        <message>
            <source>Import a Word document</source>
            <translation>Import a Word document</translation>
        </message>
        <message>
            <source>Word documents (*.docx);;All files (*)</source>
            <translation>Word documents (*.docx);;All files (*)</translation>
        </message>
        <message>
            <source>Import Word document</source>
            <translation>Import Word document</translation>
        </message>
        <message>
            <source>Reading “%s”…</source>
            <translation>Reading “%s”…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Import cancelled: the open article is unchanged</source>
            <translation>Import cancelled: the open article is unchanged</translation>
        </message>
        <message>
            <source>Imported. Please check:</source>
            <translation>Imported. Please check:</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>As the system (%s)</source>
            <translation>As the system (%s)</translation>
        </message>
    </context>
    <context>
        <name>LegacyTextGuard</name>
        <message>
            <source>Convert %s text to Unicode</source>
            <translation>Convert %s text to Unicode</translation>
        </message>
        <message>
            <source>Text in the old %s font encoding was converted to Unicode. Undo (Ctrl+Z) keeps it as it was.</source>
            <translation>Text in the old %s font encoding was converted to Unicode. Undo (Ctrl+Z) keeps it as it was.</translation>
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <source>Drafts library</source>
            <translation>Drafts library</translation>
        </message>
        <message>
            <source>Add folder…</source>
            <translation>Add folder…</translation>
        </message>
        <message>
            <source>Remove folder…</source>
            <translation>Remove folder…</translation>
        </message>
        <message>
            <source>Search: marks are optional (dang bo finds Đảng bộ)</source>
            <translation>Search: marks are optional (dang bo finds Đảng bộ)</translation>
        </message>
        <message>
            <source>Every state</source>
            <translation>Every state</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Author</translation>
        </message>
        <message>
            <source>Assignee</source>
            <translation>Assignee</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Published from</source>
            <translation>Published from</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Last change</translation>
        </message>
        <message>
            <source>Open by</source>
            <translation>Open by</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Open a copy</source>
            <translation>Open a copy</translation>
        </message>
        <message>
            <source>Duplicate as new</source>
            <translation>Duplicate as new</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Show in folder</translation>
        </message>
        <message>
            <source>No folder yet: add the folder where the office keeps its drafts.</source>
            <translation>No folder yet: add the folder where the office keeps its drafts.</translation>
        </message>
        <message>
            <source>Add a folder of drafts</source>
            <translation>Add a folder of drafts</translation>
        </message>
        <message>
            <source>This computer's SQLite has no full-text search (FTS5): searching reads the whole index, more slowly.</source>
            <translation>This computer's SQLite has no full-text search (FTS5): searching reads the whole index, more slowly.</translation>
        </message>
        <message>
            <source>Cannot read these folders now; the drafts in them are listed as last seen:</source>
            <translation>Cannot read these folders now; the drafts in them are listed as last seen:</translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s)</source>
            <translation>
                <numerusform>%n draft</numerusform>
                <numerusform>%n drafts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LinkDialog</name>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>&amp;Text:</translation>
        </message>
        <message>
            <source>The words readers click (the address if empty)</source>
            <translation>The words readers click (the address if empty)</translation>
        </message>
        <message>
            <source>&amp;Remove link</source>
            <translation>&amp;Remove link</translation>
        </message>
        <message>
            <source>A link's address starts with http://, https:// or mailto:</source>
            <translation>A link's address starts with http://, https:// or mailto:</translation>
        </message>
        <message>
            <source>Use %s</source>
            <translation>Use %s</translation>
        </message>
    </context>
    <context>
        <name>ListSegment</name>
        <message>
            <source>End list</source>
            <translation>End list</translation>
        </message>
        <message>
            <source>List items: Enter starts the next one, twice ends the list</source>
            <translation>List items: Enter starts the next one, twice ends the list</translation>
        </message>
        <message>
            <source>Numbered</source>
            <translation>Numbered</translation>
        </message>
        <message>
            <source>Numbers (1, 2, 3…) instead of bullets</source>
            <translation>Numbers (1, 2, 3…) instead of bullets</translation>
        </message>
        <message>
            <source>starting at</source>
            <translation>starting at</translation>
        </message>
        <message>
            <source>Edit list</source>
            <translation>Edit list</translation>
        </message>
        <message>
            <source>Change list kind</source>
            <translation>Change list kind</translation>
        </message>
        <message>
            <source>Change list start</source>
            <translation>Change list start</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Autosave failed: %s</source>
            <translation>Autosave failed: %s</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Open &amp;Recent</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <translation>F&amp;ormat</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Preview width</source>
            <translation>Preview width</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <source>Untitled article</source>
            <translation>Untitled article</translation>
        </message>
        <message>
            <source>Autosave</source>
            <translation>Autosave</translation>
        </message>
        <message>
            <source>The autosave workspace could not be used, so a fresh one was started. Nothing on screen is lost; work kept in the old one may be missing.</source>
            <translation>The autosave workspace could not be used, so a fresh one was started. Nothing on screen is lost; work kept in the old one may be missing.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>The checklist found problems to fix before publishing:</source>
            <translation>The checklist found problems to fix before publishing:</translation>
        </message>
        <message>
            <source>Export anyway?</source>
            <translation>Export anyway?</translation>
        </message>
        <message>
            <source>Unify tone marks</source>
            <translation>Unify tone marks</translation>
        </message>
        <message>
            <source>Choose the old style (hòa, thủy) or the new one (hoà, thuỷ) under Settings ▸ Site profile… first.</source>
            <translation>Choose the old style (hòa, thủy) or the new one (hoà, thuỷ) under Settings ▸ Site profile… first.</translation>
        </message>
        <message numerus="yes">
            <source>Tone marks unified in %n field(s)</source>
            <translation>
                <numerusform>Tone marks unified in %n field</numerusform>
                <numerusform>Tone marks unified in %n fields</numerusform>
            </translation>
        </message>
        <message>
            <source>The tone marks already follow the site profile's style</source>
            <translation>The tone marks already follow the site profile's style</translation>
        </message>
        <message>
            <source>Your unsaved work is back; %s was not opened</source>
            <translation>Your unsaved work is back; %s was not opened</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>A note on the block being edited, or a reply</source>
            <translation>A note on the block being edited, or a reply</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Add note</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>resolved</source>
            <translation>resolved</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>Block %1 · %2 · %3</source>
            <translation>Block %1 · %2 · %3</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <source>Resolve</source>
            <translation>Resolve</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>Publish</source>
            <translation>Publish</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Submit for review</translation>
        </message>
        <message>
            <source>Publish now</source>
            <translation>Publish now</translation>
        </message>
        <message>
            <source>Scheduled, at the article's date</source>
            <translation>Scheduled, at the article's date</translation>
        </message>
        <message>
            <source>Text only, without the photos</source>
            <translation>Text only, without the photos</translation>
        </message>
        <message>
            <source>%v of %m photos</source>
            <translation>%v of %m photos</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Save the article first (File ▸ Save, as an .article draft): publishing sends the draft as saved.</source>
            <translation>Save the article first (File ▸ Save, as an .article draft): publishing sends the draft as saved.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>upload photos</source>
            <translation>upload photos</translation>
        </message>
        <message>
            <source>publish</source>
            <translation>publish</translation>
        </message>
        <message>
            <source>submit for review</source>
            <translation>submit for review</translation>
        </message>
        <message>
            <source>create tags and categories</source>
            <translation>create tags and categories</translation>
        </message>
        <message>
            <source>Connected to %1 as %2 (%3).</source>
            <translation>Connected to %1 as %2 (%3).</translation>
        </message>
        <message>
            <source>Sending photo %1 of %2…</source>
            <translation>Sending photo %1 of %2…</translation>
        </message>
        <message>
            <source>Sending the post…</source>
            <translation>Sending the post…</translation>
        </message>
        <message>
            <source>Not published: the checklist found errors.</source>
            <translation>Not published: the checklist found errors.</translation>
        </message>
        <message>
            <source>Address from the portal</source>
            <translation>Address from the portal</translation>
        </message>
        <message>
            <source>State from the portal</source>
            <translation>State from the portal</translation>
        </message>
        <message>
            <source>Published: post %1, %2</source>
            <translation>Published: post %1, %2</translation>
        </message>
        <message>
            <source>The post was changed on the portal since you last published it. Overwrite those changes with this article?</source>
            <translation>The post was changed on the portal since you last published it. Overwrite those changes with this article?</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Cancelling after the current step…</source>
            <translation>Cancelling after the current step…</translation>
        </message>
    </context>
    <context>
        <name>PublishedEdit</name>
        <message>
            <source>no date</source>
            <translation>no date</translation>
        </message>
        <message>
            <source>Day/month/year, e.g. 15/12/2023; the time may follow: 15/12/2023 09:30</source>
            <translation>Day/month/year, e.g. 15/12/2023; the time may follow: 15/12/2023 09:30</translation>
        </message>
        <message>
            <source>hh:mm</source>
            <translation>hh:mm</translation>
        </message>
        <message>
            <source>Hours:minutes, e.g. 09:30</source>
            <translation>Hours:minutes, e.g. 09:30</translation>
        </message>
        <message>
            <source>Choose the day on a calendar (Alt+Down)</source>
            <translation>Choose the day on a calendar (Alt+Down)</translation>
        </message>
        <message>
            <source>Not a date: write the day as day/month/year, e.g. 15/12/2023</source>
            <translation>Not a date: write the day as day/month/year, e.g. 15/12/2023</translation>
        </message>
        <message>
            <source>Not a time: write it as hours:minutes, e.g. 09:30</source>
            <translation>Not a time: write it as hours:minutes, e.g. 09:30</translation>
        </message>
    </context>
    <context>
        <name>QuoteSegment</name>
        <message>
            <source>Edit quote</source>
            <translation>Edit quote</translation>
        </message>
        <message>
            <source>Quotation</source>
            <translation>Quotation</translation>
        </message>
        <message>
            <source>Who said it (optional)</source>
            <translation>Who said it (optional)</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Recover unsaved work</source>
            <translation>Recover unsaved work</translation>
        </message>
        <message>
            <source>never saved</source>
            <translation>never saved</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Not now</translation>
        </message>
        <message>
            <source>Tòa Soạn closed without saving this work. Restore it?</source>
            <translation>Tòa Soạn closed without saving this work. Restore it?</translation>
        </message>
    </context>
    <context>
        <name>RelatedEditor</name>
        <message>
            <source>Add a related article</source>
            <translation>Add a related article</translation>
        </message>
        <message>
            <source>From the library…</source>
            <translation>From the library…</translation>
        </message>
        <message>
            <source>Add related article</source>
            <translation>Add related article</translation>
        </message>
        <message>
            <source>Edit related article</source>
            <translation>Edit related article</translation>
        </message>
        <message>
            <source>Move related article</source>
            <translation>Move related article</translation>
        </message>
        <message>
            <source>Remove related article</source>
            <translation>Remove related article</translation>
        </message>
    </context>
    <context>
        <name>RelatedPickerDialog</name>
        <message>
            <source>Related news from the library</source>
            <translation>Related news from the library</translation>
        </message>
        <message>
            <source>Search the published articles: marks are optional</source>
            <translation>Search the published articles: marks are optional</translation>
        </message>
        <message>
            <source>Add the office's folder of drafts to the library first (View ▸ Drafts library).</source>
            <translation>Add the office's folder of drafts to the library first (View ▸ Drafts library).</translation>
        </message>
        <message>
            <source>No published article with a public address matches.</source>
            <translation>No published article with a public address matches.</translation>
        </message>
        <message numerus="yes">
            <source>%n published article(s)</source>
            <translation>
                <numerusform>%n published article</numerusform>
                <numerusform>%n published articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Waiting for review</source>
            <translation>Waiting for review</translation>
        </message>
        <message>
            <source>Changes requested</source>
            <translation>Changes requested</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Published</translation>
        </message>
    </context>
    <context>
        <name>ReviewButton</name>
        <message>
            <source>State: %s</source>
            <translation>State: %s</translation>
        </message>
        <message>
            <source>Assignee: %s</source>
            <translation>Assignee: %s</translation>
        </message>
        <message>
            <source>Due: %s</source>
            <translation>Due: %s</translation>
        </message>
        <message>
            <source>What changed since the last review…</source>
            <translation>What changed since the last review…</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review state</source>
            <translation>Review state</translation>
        </message>
        <message>
            <source>Optional: what to change, or why</source>
            <translation>Optional: what to change, or why</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>Due by</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>Assignee</source>
            <translation>Assignee</translation>
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <source>Revisions</source>
            <translation>Revisions</translation>
        </message>
        <message>
            <source>Restore this revision</source>
            <translation>Restore this revision</translation>
        </message>
        <message>
            <source>A revision is kept each time you save. Struck through in red: text only in the revision. Underlined in green: text only in the current article. Restoring can be undone.</source>
            <translation>A revision is kept each time you save. Struck through in red: text only in the revision. Underlined in green: text only in the current article. Restoring can be undone.</translation>
        </message>
        <message>
            <source>No revisions yet. Each time you save the article, Tòa Soạn keeps the saved text here.</source>
            <translation>No revisions yet. Each time you save the article, Tòa Soạn keeps the saved text here.</translation>
        </message>
        <message>
            <source>Comparing…</source>
            <translation>Comparing…</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <source>The text is the same as now.</source>
            <translation>The text is the same as now.</translation>
        </message>
        <message>
            <source>Restore the revision of %s</source>
            <translation>Restore the revision of %s</translation>
        </message>
    </context>
    <context>
        <name>SharePreviewPanel</name>
        <message>
            <source>Share preview</source>
            <translation>Share preview</translation>
        </message>
        <message>
            <source>Add a cover photo to see the card</source>
            <translation>Add a cover photo to see the card</translation>
        </message>
        <message>
            <source>How the link may look when shared. The real card may differ: Facebook and Zalo publish no lengths, so the title and description are cut by lines at each card's usual width, and each app uses its own font.</source>
            <translation>How the link may look when shared. The real card may differ: Facebook and Zalo publish no lengths, so the title and description are cut by lines at each card's usual width, and each app uses its own font.</translation>
        </message>
        <message>
            <source>The article has no public address yet: without one the exported page names no card, and the networks show the link bare.</source>
            <translation>The article has no public address yet: without one the exported page names no card, and the networks show the link bare.</translation>
        </message>
        <message>
            <source>The card could not be made from the cover photo.</source>
            <translation>The card could not be made from the cover photo.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>New paragraph (in the body)</source>
            <translation>New paragraph (in the body)</translation>
        </message>
        <message>
            <source>Move the block up or down</source>
            <translation>Move the block up or down</translation>
        </message>
        <message>
            <source>Ctrl + wheel</source>
            <translation>Ctrl + wheel</translation>
        </message>
        <message>
            <source>Zoom the preview</source>
            <translation>Zoom the preview</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>What they do</source>
            <translation>What they do</translation>
        </message>
    </context>
    <context>
        <name>SiteProfileBar</name>
        <message>
            <source>Use this computer's profile</source>
            <translation>Use this computer's profile</translation>
        </message>
        <message>
            <source>Keep the article's</source>
            <translation>Keep the article's</translation>
        </message>
        <message>
            <source>This article was written with another site profile (“%1”) than this computer's (“%2”). The page shows the article's.</source>
            <translation>This article was written with another site profile (“%1”) than this computer's (“%2”). The page shows the article's.</translation>
        </message>
        <message>
            <source>Use this computer's site profile</source>
            <translation>Use this computer's site profile</translation>
        </message>
    </context>
    <context>
        <name>SiteProfileDialog</name>
        <message>
            <source>Site profile</source>
            <translation>Site profile</translation>
        </message>
        <message>
            <source>For example: Mã QR Code truy cập vào Fanpage</source>
            <translation>For example: Mã QR Code truy cập vào Fanpage</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>The portal's sections, separated by commas</source>
            <translation>The portal's sections, separated by commas</translation>
        </message>
        <message>
            <source>For example: © Cổng thông tin điện tử huyện Lê Chân</source>
            <translation>For example: © Cổng thông tin điện tử huyện Lê Chân</translation>
        </message>
        <message>
            <source>Write the credit, caption and copyright into exported photos</source>
            <translation>Write the credit, caption and copyright into exported photos</translation>
        </message>
        <message>
            <source>Portal name</source>
            <translation>Portal name</translation>
        </message>
        <message>
            <source>Site address</source>
            <translation>Site address</translation>
        </message>
        <message>
            <source>Fanpage address</source>
            <translation>Fanpage address</translation>
        </message>
        <message>
            <source>Fanpage QR caption</source>
            <translation>Fanpage QR caption</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Tone marks</source>
            <translation>Tone marks</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Sections</translation>
        </message>
        <message>
            <source>Copyright notice</source>
            <translation>Copyright notice</translation>
        </message>
        <message>
            <source>Default author</source>
            <translation>Default author</translation>
        </message>
        <message>
            <source>Default source</source>
            <translation>Default source</translation>
        </message>
        <message>
            <source>Publishing (WordPress)</source>
            <translation>Publishing (WordPress)</translation>
        </message>
        <message>
            <source>Kept in the system keyring; leave empty to keep the stored one</source>
            <translation>Kept in the system keyring; leave empty to keep the stored one</translation>
        </message>
        <message>
            <source>For articles without a section, for example: Tin tức</source>
            <translation>For articles without a section, for example: Tin tức</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Submit for review</translation>
        </message>
        <message>
            <source>Publish now</source>
            <translation>Publish now</translation>
        </message>
        <message>
            <source>Scheduled, at the article's date</source>
            <translation>Scheduled, at the article's date</translation>
        </message>
        <message>
            <source>WordPress site address</source>
            <translation>WordPress site address</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Application password</source>
            <translation>Application password</translation>
        </message>
        <message>
            <source>Default category</source>
            <translation>Default category</translation>
        </message>
        <message>
            <source>Default status</source>
            <translation>Default status</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>As typed (choose when unifying)</source>
            <translation>As typed (choose when unifying)</translation>
        </message>
        <message>
            <source>Old style: hòa, thủy, khỏe</source>
            <translation>Old style: hòa, thủy, khỏe</translation>
        </message>
        <message>
            <source>New style: hoà, thuỷ, khoẻ</source>
            <translation>New style: hoà, thuỷ, khoẻ</translation>
        </message>
        <message>
            <source>Give the WordPress site address the password is for.</source>
            <translation>Give the WordPress site address the password is for.</translation>
        </message>
        <message>
            <source>Publishing cannot be set up so:</source>
            <translation>Publishing cannot be set up so:</translation>
        </message>
        <message>
            <source>Choose the portal's logo</source>
            <translation>Choose the portal's logo</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</source>
            <translation>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</translation>
        </message>
        <message>
            <source>Import a site profile</source>
            <translation>Import a site profile</translation>
        </message>
        <message>
            <source>Site profile (*.json)</source>
            <translation>Site profile (*.json)</translation>
        </message>
        <message>
            <source>Export the site profile</source>
            <translation>Export the site profile</translation>
        </message>
    </context>
    <context>
        <name>SiteProfileEditor</name>
        <message>
            <source>Site profile</source>
            <translation>Site profile</translation>
        </message>
        <message>
            <source>The application password was not stored: %s</source>
            <translation>The application password was not stored: %s</translation>
        </message>
        <message>
            <source>Site profile saved</source>
            <translation>Site profile saved</translation>
        </message>
    </context>
    <context>
        <name>SpellMenu</name>
        <message>
            <source>Convert to “%s”</source>
            <translation>Convert to “%s”</translation>
        </message>
        <message>
            <source>(no suggestion)</source>
            <translation>(no suggestion)</translation>
        </message>
        <message>
            <source>Add to the site's dictionary</source>
            <translation>Add to the site's dictionary</translation>
        </message>
        <message>
            <source>Ignore in this article</source>
            <translation>Ignore in this article</translation>
        </message>
        <message>
            <source>Convert Telex</source>
            <translation>Convert Telex</translation>
        </message>
        <message>
            <source>Correct spelling</source>
            <translation>Correct spelling</translation>
        </message>
    </context>
    <context>
        <name>TextField</name>
        <message>
            <source>Paragraph</source>
            <translation>Paragraph</translation>
        </message>
        <message>
            <source>Subheading</source>
            <translation>Subheading</translation>
        </message>
        <message>
            <source>Quotation</source>
            <translation>Quotation</translation>
        </message>
        <message>
            <source>Who said it</source>
            <translation>Who said it</translation>
        </message>
        <message>
            <source>List item</source>
            <translation>List item</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Caption</translation>
        </message>
        <message>
            <source>Alt text</source>
            <translation>Alt text</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Credit</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>Num&amp;ber and symbol</source>
            <translation>Num&amp;ber and symbol</translation>
        </message>
        <message>
            <source>&amp;Lead</source>
            <translation>&amp;Lead</translation>
        </message>
        <message>
            <source>A&amp;uthor</source>
            <translation>A&amp;uthor</translation>
        </message>
        <message>
            <source>&amp;Source</source>
            <translation>&amp;Source</translation>
        </message>
        <message>
            <source>Sectio&amp;n</source>
            <translation>Sectio&amp;n</translation>
        </message>
    </context>
    <context>
        <name>TextFormatter</name>
        <message>
            <source>Bold</source>
            <translation>Bold</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>Italic</translation>
        </message>
        <message>
            <source>Remove link</source>
            <translation>Remove link</translation>
        </message>
        <message>
            <source>Heading</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Bulleted list</source>
            <translation>Bulleted list</translation>
        </message>
        <message>
            <source>Numbered list</source>
            <translation>Numbered list</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
    </context>
    <context>
        <name>TextSegment</name>
        <message>
            <source>Write the article here. Enter starts a new paragraph.</source>
            <translation>Write the article here. Enter starts a new paragraph.</translation>
        </message>
        <message>
            <source>Typing</source>
            <translation>Typing</translation>
        </message>
        <message>
            <source>New paragraph</source>
            <translation>New paragraph</translation>
        </message>
        <message>
            <source>Join paragraphs</source>
            <translation>Join paragraphs</translation>
        </message>
    </context>
    <context>
        <name>UpdateOffer</name>
        <message>
            <source>Folder the updates are put in</source>
            <translation>Folder the updates are put in</translation>
        </message>
        <message>
            <source>Updates</source>
            <translation>Updates</translation>
        </message>
        <message>
            <source>This is the newest version (%s).</source>
            <translation>This is the newest version (%s).</translation>
        </message>
        <message>
            <source>Tòa Soạn %1 is available; this is %2.

What's new:
%3

Update on next start? The work open now is not touched.</source>
            <translation>Tòa Soạn %1 is available; this is %2.

What's new:
%3

Update on next start? The work open now is not touched.</translation>
        </message>
        <message>
            <source>Update available</source>
            <translation>Update available</translation>
        </message>
        <message>
            <source>Tòa Soạn %s will start the next time you open it.</source>
            <translation>Tòa Soạn %s will start the next time you open it.</translation>
        </message>
    </context>
    <context>
        <name>UrlEdit</name>
        <message>
            <source>Must start with http:// or https://</source>
            <translation>Must start with http:// or https://</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Tòa Soạn</source>
            <translation>Welcome to Tòa Soạn</translation>
        </message>
        <message>
            <source>Write the article in the form on the left; the page as readers will see it is on the right.</source>
            <translation>Write the article in the form on the left; the page as readers will see it is on the right.</translation>
        </message>
        <message>
            <source>Photos: drag them onto the form. Each needs a caption and a short description.</source>
            <translation>Photos: drag them onto the form. Each needs a caption and a short description.</translation>
        </message>
        <message>
            <source>The checklist says what is missing before you export or publish.</source>
            <translation>The checklist says what is missing before you export or publish.</translation>
        </message>
        <message>
            <source>Your work is saved by itself; after a power cut the app offers it back.</source>
            <translation>Your work is saved by itself; after a power cut the app offers it back.</translation>
        </message>
        <message>
            <source>Tòa Soạn writes news articles for your portal, offline, and exports them ready to publish.</source>
            <translation>Tòa Soạn writes news articles for your portal, offline, and exports them ready to publish.</translation>
        </message>
        <message>
            <source>First, tell the app about your portal: its name, web address, fanpage and logo.</source>
            <translation>First, tell the app about your portal: its name, web address, fanpage and logo.</translation>
        </message>
        <message>
            <source>Fill in the site profile…</source>
            <translation>Fill in the site profile…</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>WordCountLabel</name>
        <message numerus="yes">
            <source>%n word(s)</source>
            <translation>
                <numerusform>%n word</numerusform>
                <numerusform>%n words</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min read</source>
            <translation>
                <numerusform>%n min read</numerusform>
                <numerusform>%n min read</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_RelatedRow</name>
        <message>
            <source>Title of the other article</source>
            <translation>Title of the other article</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>Remove this link</source>
            <translation>Remove this link</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Someone else has this article open. Save your version under another name.</source>
            <translation>Someone else has this article open. Save your version under another name.</translation>
        </message>
        <message>
            <source>This article was made by a newer version of Tòa Soạn. Update the app to open it.</source>
            <translation>This article was made by a newer version of Tòa Soạn. Update the app to open it.</translation>
        </message>
        <message>
            <source>This file cannot be opened: it is not an article draft, or it is damaged.</source>
            <translation>This file cannot be opened: it is not an article draft, or it is damaged.</translation>
        </message>
        <message>
            <source>The article file has problems. Fix them in the file, or ask whoever made it.</source>
            <translation>The article file has problems. Fix them in the file, or ask whoever made it.</translation>
        </message>
        <message>
            <source>A photo cannot be used. Check that the file is a photo and is still there, or choose another one.</source>
            <translation>A photo cannot be used. Check that the file is a photo and is still there, or choose another one.</translation>
        </message>
        <message>
            <source>This Word document cannot be imported. Save it as .docx in Word, then import it again.</source>
            <translation>This Word document cannot be imported. Save it as .docx in Word, then import it again.</translation>
        </message>
        <message>
            <source>Autosave cannot use its folder. Your work is still open: save it to a file now.</source>
            <translation>Autosave cannot use its folder. Your work is still open: save it to a file now.</translation>
        </message>
        <message>
            <source>The export was cancelled. Nothing was written.</source>
            <translation>The export was cancelled. Nothing was written.</translation>
        </message>
        <message>
            <source>The article was not exported. Nothing was written. A photo in it cannot be used: replace or delete it (the checklist names it), then export again.</source>
            <translation>The article was not exported. Nothing was written. A photo in it cannot be used: replace or delete it (the checklist names it), then export again.</translation>
        </message>
        <message>
            <source>Photo %1 (block %2, %3) cannot be shown: replace it with a good copy of the file.</source>
            <translation>Photo %1 (block %2, %3) cannot be shown: replace it with a good copy of the file.</translation>
        </message>
        <message>
            <source>The article was not exported. Nothing was written. Choose another place or name and export again.</source>
            <translation>The article was not exported. Nothing was written. Choose another place or name and export again.</translation>
        </message>
        <message>
            <source>The article was not published. What is on the portal now is said below; publish again to finish.</source>
            <translation>The article was not published. What is on the portal now is said below; publish again to finish.</translation>
        </message>
        <message>
            <source>The site profile cannot be used. Check the file, or fill in the profile again under Settings.</source>
            <translation>The site profile cannot be used. Check the file, or fill in the profile again under Settings.</translation>
        </message>
        <message>
            <source>The disk is full. Free some space, or save somewhere else.</source>
            <translation>The disk is full. Free some space, or save somewhere else.</translation>
        </message>
        <message>
            <source>You may not write in that folder. Save somewhere else, or ask your IT staff.</source>
            <translation>You may not write in that folder. Save somewhere else, or ask your IT staff.</translation>
        </message>
        <message>
            <source>That disk is read-only. Save somewhere else.</source>
            <translation>That disk is read-only. Save somewhere else.</translation>
        </message>
        <message>
            <source>Another program keeps the file open (an antivirus scanner, a backup or sync tool). Try again in a moment.</source>
            <translation>Another program keeps the file open (an antivirus scanner, a backup or sync tool). Try again in a moment.</translation>
        </message>
        <message>
            <source>The file is not there any more: it was moved, renamed or deleted.</source>
            <translation>The file is not there any more: it was moved, renamed or deleted.</translation>
        </message>
        <message>
            <source>The photo is too big for this computer's memory. Make it smaller in a photo editor, or choose another one.</source>
            <translation>The photo is too big for this computer's memory. Make it smaller in a photo editor, or choose another one.</translation>
        </message>
        <message>
            <source>That folder holds other files, so it was left as it was. Export into a new or empty folder.</source>
            <translation>That folder holds other files, so it was left as it was. Export into a new or empty folder.</translation>
        </message>
        <message>
            <source>That is not an ordinary file (a device, a pipe or a folder). Choose a file.</source>
            <translation>That is not an ordinary file (a device, a pipe or a folder). Choose a file.</translation>
        </message>
        <message>
            <source>The document is protected by a password. Remove the password in Word, save it, and import it again.</source>
            <translation>The document is protected by a password. Remove the password in Word, save it, and import it again.</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes)</source>
            <translation>the file is empty (0 bytes)</translation>
        </message>
        <message>
            <source>not an image, or a format the app does not read</source>
            <translation>not an image, or a format the app does not read</translation>
        </message>
        <message>
            <source>the image is damaged</source>
            <translation>the image is damaged</translation>
        </message>
        <message>
            <source>the image has too many pixels to open safely (it may be damaged)</source>
            <translation>the image has too many pixels to open safely (it may be damaged)</translation>
        </message>
        <message>
            <source>the file is not there any more</source>
            <translation>the file is not there any more</translation>
        </message>
        <message>
            <source>you may not read this file</source>
            <translation>you may not read this file</translation>
        </message>
        <message>
            <source>the file cannot be read</source>
            <translation>the file cannot be read</translation>
        </message>
        <message>
            <source>The article was not saved. The previous file is unchanged; your work is still open.</source>
            <translation>The article was not saved. The previous file is unchanged; your work is still open.</translation>
        </message>
        <message>
            <source>Something went wrong.</source>
            <translation>Something went wrong.</translation>
        </message>
    </context>
</TS>
