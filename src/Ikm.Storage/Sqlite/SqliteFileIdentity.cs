using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Ikm.Storage.Sqlite;

/// <summary>
/// Whether the file an open connection writes to is still the one at its path. On Linux a deleted or replaced
/// database keeps working through the open descriptor — commits succeed into a file nobody will ever open again —
/// and in WAL mode SQLite does not check by itself. SQLite's own SQLITE_FCNTL_HAS_MOVED compares the descriptor's
/// inode with the path's; where that call is not available, the path's existence is the (weaker) answer.
/// </summary>
internal static class SqliteFileIdentity
{
    private const int FcntlHasMoved = 20;
    private static readonly byte[] Main = "main\0"u8.ToArray();

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control")]
    private static extern int FileControl(IntPtr db, byte[] name, int op, ref int result);

    public static bool HasMoved(SqliteConnection connection, string path)
    {
        if (connection.Handle is { IsInvalid: false } handle)
        {
            try
            {
                var moved = 0;
                if (FileControl(handle.DangerousGetHandle(), Main, FcntlHasMoved, ref moved) == 0)
                    return moved != 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
        return !File.Exists(path);
    }
}
