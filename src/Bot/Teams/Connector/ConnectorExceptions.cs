using System.Net;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>The Bot Connector answered with an error that retries did not cure (or that must not be retried).</summary>
public class ConnectorException : Exception
{
    public ConnectorException(string operation, HttpStatusCode statusCode, string? errorCode, TimeSpan? retryAfter = null)
        : base($"Bot Connector {operation} failed with {(int)statusCode} {statusCode}{(errorCode is null ? "" : $" ({errorCode})")}.")
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary><c>error.code</c>, or Teams' <c>subCode</c> such as <c>MessageWritesBlocked</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>For a 429 whose <c>Retry-After</c> was longer than the bot waits: when the caller may try again.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>
/// 403 <c>MessageWritesBlocked</c>: the person blocked or uninstalled the bot. Never retried; the
/// conversation is recorded as blocked and the performance team told.
/// </summary>
public sealed class BotBlockedByUserException(string operation, string conversationId)
    : ConnectorException(operation, HttpStatusCode.Forbidden, BlockedSubCode)
{
    public const string BlockedSubCode = "MessageWritesBlocked";

    public string ConversationId { get; } = conversationId;
}

/// <summary>
/// A message-creating POST timed out or lost its connection after it was sent: it may or may not have
/// been delivered. It is not resent automatically (that could post it twice); the caller decides.
/// </summary>
public sealed class ConnectorOutcomeUnknownException(string operation, Exception inner)
    : Exception($"Bot Connector {operation}: no answer; the message may or may not have been delivered, so it was not resent.", inner)
{
    public string Operation { get; } = operation;
}

/// <summary>
/// The request never left the bot: the send-rate queue was full, or the call timed out while waiting for
/// its turn or for a token. Safe to try again later.
/// </summary>
public sealed class ConnectorNotSentException(string operation, string reason, Exception? inner = null)
    : Exception($"Bot Connector {operation} not sent: {reason}.", inner)
{
    public string Operation { get; } = operation;
}

/// <summary>No token could be obtained for the Bot Connector (bad secret, tenant, or the authority is down).</summary>
public sealed class ConnectorTokenException(string message, Exception? inner = null) : Exception(message, inner);
