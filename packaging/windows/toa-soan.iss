; Per-user installer of the Windows bundle (Inno Setup 6). NOT RUN YET: no
; Windows machine was available; see the README's "Installing" section.
;
;   py tasks.py build
;   iscc /DAppVersion=0.1.0 packaging\windows\toa-soan.iss
;
; writes dist\toa-soan-0.1.0-setup.exe. It needs no administrator rights: it
; installs into %LOCALAPPDATA%\Programs\Toa Soan, adds a Start-menu entry
; and opens .article drafts with the app, all for the current user only
; (HKCU\Software\Classes). Windows older than 10 1809 is refused here too.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (editor/version.py)
#endif

[Setup]
; The one identity of the app for Windows' "Apps & features"; never change it.
AppId={{6C1D6A52-3C8B-4D0F-9A8E-1E5B7A40B2C7}
AppName=Tòa Soạn
AppVersion={#AppVersion}
AppVerName=Tòa Soạn {#AppVersion}
AppPublisher=Tòa Soạn
; Per user, no UAC prompt: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={autopf}\Toa Soan
DisableProgramGroupPage=yes
DisableDirPage=auto
; Qt 6 needs Windows 10 1809 (build 17763); the app says so itself as well (editor/platform_support.py).
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\toa-soan.ico
UninstallDisplayIcon={app}\toa-soan.exe
UninstallDisplayName=Tòa Soạn
ChangesAssociations=yes
; LZMA2 over the whole folder: the bundle's Qt libraries pack far smaller than in a zip.
Compression=lzma2/ultra64
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=toa-soan-{#AppVersion}-setup
WizardStyle=modern
; The bundle's licences (LGPL for Qt and PySide6) are in {app}\_internal\licences; see Help > About.
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese among its own translations; the app itself is in Vietnamese.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder, as `tasks.py build` left it.
Source: "..\..\dist\toa-soan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the folder: libraries of the previous version must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Tòa Soạn"; Filename: "{app}\toa-soan.exe"
Name: "{autodesktop}\Tòa Soạn"; Filename: "{app}\toa-soan.exe"; Tasks: desktopicon

[Registry]
; .article opens with the app, for this user (HKA is HKCU in a per-user install).
Root: HKA; Subkey: "Software\Classes\.article\OpenWithProgids"; ValueType: string; ValueName: "ToaSoan.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.article"; ValueType: string; ValueName: ""; ValueData: "ToaSoan.Article"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ToaSoan.Article"; ValueType: string; ValueName: ""; ValueData: "Bài viết Tòa Soạn"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ToaSoan.Article\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\toa-soan.exe,0"
Root: HKA; Subkey: "Software\Classes\ToaSoan.Article\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\toa-soan.exe"" ""%1"""

[Run]
Filename: "{app}\toa-soan.exe"; Description: "{cm:LaunchProgram,Tòa Soạn}"; Flags: nowait postinstall skipifsilent
