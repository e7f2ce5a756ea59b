using System.Collections.Frozen;
using Microsoft.AspNetCore.WebUtilities;

namespace CQCTP.ApiConventions.Problems;

/// <summary>
/// Every error code the platform answers with. Codes are stable: clients branch on <c>code</c>, people read <c>title</c>.
/// The list is documented in docs/api-conventions.md; a test keeps the two in step.
/// </summary>
public static class ProblemCatalog
{
    public const string TypePrefix = "urn:cqctp:problem:";

    public static readonly ProblemKind ValidationFailed = new("validation-failed", 400,
        new("La requête contient des champs invalides.", "The request has invalid fields."));
    public static readonly ProblemKind MalformedRequest = new("malformed-request", 400,
        new("La requête est mal formée.", "The request is malformed."));
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401,
        new("Authentification requise.", "Authentication is required."));
    public static readonly ProblemKind Forbidden = new("forbidden", 403,
        new("Accès refusé.", "Access denied."));
    public static readonly ProblemKind NotFound = new("not-found", 404,
        new("Ressource introuvable.", "Resource not found."));
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405,
        new("Méthode non permise pour cette ressource.", "Method not allowed for this resource."));
    public static readonly ProblemKind NotAcceptable = new("not-acceptable", 406,
        new("Format de réponse non disponible.", "Response format not available."));
    public static readonly ProblemKind Conflict = new("conflict", 409,
        new("L'état actuel de la ressource ne permet pas cette opération.", "The resource's current state does not allow this operation."));
    public static readonly ProblemKind Duplicate = new("duplicate", 409,
        new("Une ressource identique existe déjà.", "An identical resource already exists."));
    public static readonly ProblemKind IdempotencyKeyInUse = new("idempotency-key-in-use", 409,
        new("Une requête avec cette clé d'idempotence est en cours.", "A request with this idempotency key is in progress."));
    public static readonly ProblemKind PreconditionFailed = new("precondition-failed", 412,
        new("La ressource a été modifiée depuis votre dernière lecture.", "The resource has changed since you last read it."));
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", 413,
        new("Le corps de la requête est trop volumineux.", "The request body is too large."));
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415,
        new("Type de contenu non pris en charge.", "Unsupported content type."));
    public static readonly ProblemKind BusinessRuleViolated = new("business-rule-violated", 422,
        new("La requête enfreint une règle d'affaires.", "The request breaks a business rule."));
    public static readonly ProblemKind IdempotencyKeyReused = new("idempotency-key-reused", 422,
        new("Cette clé d'idempotence a déjà servi pour une autre requête.", "This idempotency key was already used for a different request."));
    public static readonly ProblemKind PreconditionRequired = new("precondition-required", 428,
        new("L'en-tête If-Match est obligatoire pour modifier cette ressource.", "The If-Match header is required to change this resource."));
    public static readonly ProblemKind TooManyRequests = new("too-many-requests", 429,
        new("Trop de requêtes; réessayez plus tard.", "Too many requests; try again later."));
    public static readonly ProblemKind InternalError = new("internal-error", 500,
        new("Une erreur inattendue est survenue.", "An unexpected error occurred."));
    public static readonly ProblemKind BadGateway = new("bad-gateway", 502,
        new("Le service demandé n'a pas répondu correctement.", "The requested service did not answer correctly."));
    public static readonly ProblemKind ServiceUnavailable = new("service-unavailable", 503,
        new("Service temporairement indisponible.", "Service temporarily unavailable."));
    public static readonly ProblemKind GatewayTimeout = new("gateway-timeout", 504,
        new("Le service demandé n'a pas répondu à temps.", "The requested service did not answer in time."));

    public static IReadOnlyList<ProblemKind> All { get; } =
    [
        ValidationFailed, MalformedRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, NotAcceptable,
        Conflict, Duplicate, IdempotencyKeyInUse, PreconditionFailed, PayloadTooLarge, UnsupportedMediaType,
        BusinessRuleViolated, IdempotencyKeyReused, PreconditionRequired, TooManyRequests, InternalError,
        BadGateway, ServiceUnavailable, GatewayTimeout,
    ];

    private static readonly FrozenDictionary<string, ProblemKind> ByCode = All.ToFrozenDictionary(k => k.Code);

    // When a status code is all we know (framework-generated errors), this is the kind we answer with.
    private static readonly FrozenDictionary<int, ProblemKind> ByStatus = All
        .GroupBy(k => k.Status).ToFrozenDictionary(g => g.Key, g => g.First());

    public static string TypeUri(string code) => TypePrefix + code;

    public static ProblemKind? Find(string code) => ByCode.GetValueOrDefault(code);

    public static ProblemKind ForStatus(int status) =>
        ByStatus.GetValueOrDefault(status) ?? (status >= 500 ? InternalError : MalformedRequest);

    /// <summary>Fills in <c>type</c>, <c>title</c> and <c>code</c> on every ProblemDetails the app writes.</summary>
    public static void Enrich(Microsoft.AspNetCore.Http.ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var kind = problem.Extensions.TryGetValue("code", out var code) && code is string c && Find(c) is { } known
            ? known
            : ForStatus(status);

        problem.Status = status;
        problem.Extensions["code"] = kind.Code;
        problem.Type = kind.Type;
        // The framework's own titles are English; ours are localized, and a caller-supplied title wins.
        if (problem.Title is null || problem.Title == ReasonPhrase(status) || context.Exception is not null)
        {
            problem.Title = kind.Title.Current;
        }
    }

    private static string? ReasonPhrase(int status) =>
        status switch
        {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            409 => "Conflict",
            412 => "Precondition Failed",
            413 => "Payload Too Large",
            415 => "Unsupported Media Type",
            422 => "Unprocessable Entity",
            428 => "Precondition Required",
            429 => "Too Many Requests",
            500 => "An error occurred while processing your request.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
}
