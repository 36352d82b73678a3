using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Saving failed because the database could not be reached or answered (a dropped connection, a
/// restart, a timeout, SQLite busy past its timeout). If the connection went while the commit was on
/// its way, the change may have been saved all the same, so the message never says it was not. Trying
/// again is safe: every use case refuses a stale card or recognises the same change made twice.
/// PmfBot does not retry by itself (EF's retrying strategy cannot tell a lost commit from a failed one).
/// </summary>
public sealed class SaveNotConfirmedException(string what, Exception inner)
    : Exception($"PmfBot lost its connection to the database while saving {what}, so it cannot tell whether it was saved. Please try again in a minute: if it was saved, trying again changes nothing.", inner)
{
    /// <summary>
    /// A failure of the connection or the server, not of the change itself (a broken rule or
    /// constraint), however EF wraps it (DbUpdateException, or InvalidOperationException "likely due
    /// to a transient failure").
    /// </summary>
    public static bool IsConnectionFailure(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        DbUpdateException or InvalidOperationException when ex.InnerException is { } inner => IsConnectionFailure(inner),
        _ => false,
    };
}
