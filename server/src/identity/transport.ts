/**
 * Refresh tokens travel in an httpOnly cookie for browsers and in the JSON
 * body for other clients. A browser request (it sends Origin) defaults to the
 * cookie; a client may choose with `tokenTransport`.
 */
import type { Request, Response } from "express";
import type { Config } from "../../../core/config";
import type { IssuedTokens } from "./sessions";

export const REFRESH_COOKIE = "ls_refresh";
const COOKIE_PATH = "/auth";

export function chooseTransport(req: Request, requested?: "cookie" | "body"): "cookie" | "body" {
  return requested ?? (req.get("origin") ? "cookie" : "body");
}

export function sendTokens(config: Config, res: Response, tokens: IssuedTokens, transport: "cookie" | "body") {
  if (transport === "cookie") {
    res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      secure: config.refresh.cookieSecure,
      sameSite: config.refresh.cookieSameSite,
      path: COOKIE_PATH,
      maxAge: config.refresh.absoluteTtlSeconds * 1000,
    });
    const { refreshToken: _omitted, ...rest } = tokens;
    return rest;
  }
  return tokens;
}

export function clearRefreshCookie(config: Config, res: Response) {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: config.refresh.cookieSecure, sameSite: config.refresh.cookieSameSite, path: COOKIE_PATH });
}

export function presentedRefreshToken(req: Request, bodyToken?: string): string | undefined {
  return bodyToken ?? (req.cookies?.[REFRESH_COOKIE] as string | undefined);
}
