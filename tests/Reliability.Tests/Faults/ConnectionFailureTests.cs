using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PmfBot.Domain.Storage;

namespace PmfBot.Reliability.Tests.Faults;

/// <summary>Which save failures are "the outcome is unknown, try again" and which are failures of the change itself.</summary>
public sealed class ConnectionFailureTests
{
    public static TheoryData<Exception> LostConnections() =>
    [
        new NpgsqlException("Exception while writing to stream", new IOException("reset", new SocketException(104))),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())),
        new DbUpdateException("An error occurred while saving the entity changes.", new NpgsqlException("timeout", new TimeoutException())),
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown),
        new SqliteException("database is locked", 5),
    ];

    public static TheoryData<Exception> FailuresOfTheChange() =>
    [
        new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)),
        new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("value too long", "ERROR", "ERROR", PostgresErrorCodes.StringDataRightTruncation)),
        new InvalidOperationException("The audit log is append-only: its lines cannot be changed or deleted."),
        new SqliteException("constraint failed", 19),
    ];

    [Theory]
    [MemberData(nameof(LostConnections))]
    public void A_lost_or_refused_connection_leaves_the_outcome_unknown(Exception failure) =>
        Assert.True(SaveNotConfirmedException.IsConnectionFailure(failure));

    [Theory]
    [MemberData(nameof(FailuresOfTheChange))]
    public void A_change_the_database_refused_is_not_mistaken_for_a_lost_connection(Exception failure) =>
        Assert.False(SaveNotConfirmedException.IsConnectionFailure(failure));
}
