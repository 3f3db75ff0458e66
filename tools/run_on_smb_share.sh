#!/bin/sh
# Run the two-computers test (tests/editor/test_library_shared_folder.py) on
# a real SMB share: Samba's smbd serving a temporary folder on 127.0.0.1,
# mounted with the kernel's client (mount -t cifs) where the system has one,
# otherwise through FUSE with smbnetfs (libsmbclient, the same protocol).
#
#   sudo apt-get install samba cifs-utils smbnetfs   # Debian
#   sudo sh tools/run_on_smb_share.sh                # from the worktree
#
# Needs root (smbd on port 445, mount). It stops the smbd it started and
# unmounts what it mounted, and says which client the test ran through.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d /tmp/toasoan-smb.XXXXXX)
mkdir -p "$WORK/share" "$WORK/state" "$WORK/private" "$WORK/lock" "$WORK/cache" "$WORK/pid" "$WORK/log" "$WORK/mnt" "$WORK/home/.smb"
chmod 777 "$WORK/share"
cat > "$WORK/smb.conf" <<EOF
[global]
  workgroup = WORKGROUP
  server role = standalone server
  interfaces = lo
  bind interfaces only = yes
  disable netbios = yes
  load printers = no
  server min protocol = SMB2
  map to guest = Bad User
  guest account = root
  pid directory = $WORK/pid
  lock directory = $WORK/lock
  state directory = $WORK/state
  cache directory = $WORK/cache
  private dir = $WORK/private
  log file = $WORK/log/%m.log
[share]
  path = $WORK/share
  read only = no
  guest ok = yes
  force user = root
EOF
# In a session of its own: smbd ends its process group as it stops, which would
# otherwise be this script.
setsid smbd --foreground --no-process-group -s "$WORK/smb.conf" > "$WORK/log/smbd.out" 2>&1 &
SMBD=$!
MOUNTED=""
cleanup() {
  [ -n "$MOUNTED" ] && umount "$WORK/mnt" 2>/dev/null || true
  kill "$SMBD" 2>/dev/null || true
  # smbd's own children (notifyd, cleanupd) end a moment after it, still
  # writing their state: wait for them before removing the folder.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    pgrep -f "$WORK/smb.conf" > /dev/null || break
    sleep 1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
  smbclient -N //127.0.0.1/share -c ls > /dev/null 2>&1 && break
  sleep 1
done

if mount -t cifs //127.0.0.1/share "$WORK/mnt" -o guest,vers=3.0 2> "$WORK/log/cifs.err"; then
  MOUNTED=cifs
  SHARED=$WORK/mnt
  echo "SMB share mounted with the kernel's client (mount -t cifs)"
else
  echo "mount -t cifs refused: $(tr '\n' ' ' < "$WORK/log/cifs.err")"
  # smbnetfs reads its settings from ~/.smb: a home of its own for it.
  printf '[global]\n  client min protocol = SMB2\n  workgroup = WORKGROUP\n' > "$WORK/home/.smb/smb.conf"
  printf 'include "smbnetfs.auth"\ninclude "smbnetfs.host"\n' > "$WORK/home/.smb/smbnetfs.conf"
  printf 'auth "guest" ""\n' > "$WORK/home/.smb/smbnetfs.auth"
  : > "$WORK/home/.smb/smbnetfs.host"
  chmod 600 "$WORK/home/.smb/"*
  HOME=$WORK/home smbnetfs "$WORK/mnt"
  MOUNTED=smbnetfs
  SHARED=$WORK/mnt/127.0.0.1/share
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    [ -d "$SHARED" ] && break
    sleep 1
  done
  echo "SMB share mounted through FUSE (smbnetfs)"
fi
mount | grep " $WORK/mnt " || true

cd "$ROOT"
TOASOAN_SHARED_FOLDER=$SHARED PYTHONPATH=$ROOT QT_QPA_PLATFORM=offscreen \
  "$PYTHON" -m pytest tests/editor/test_library_shared_folder.py -q
# The drafts the two processes wrote went through smbd: they are in its folder.
ls "$WORK/share"/share-*/*.article
