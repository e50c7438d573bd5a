import { z } from 'zod';
import { FOS_CODES } from './fos2007.js';

/**
 * The research brief: a need restated in research language. Produced by a translator, shown
 * to the broker, stored with the need (need_briefs) and used to search.
 */
export const langSchema = z.enum(['en', 'zh']);

export const keywordSchema = z.object({
  term: z.string().trim().min(1).max(120),
  lang: langSchema,
  synonyms: z.array(z.string().trim().min(1).max(120)).max(12).default([]),
  /** Where the term came from: the need itself, a dictionary translation, a thesaurus, the outcome corpus, a model. */
  origin: z.enum(['need', 'translation', 'thesaurus', 'corpus', 'model']).default('model'),
});

export const constraintsSchema = z.object({
  trl: z.object({ min: z.number().int().min(1).max(9).optional(), max: z.number().int().min(1).max(9).optional() }).optional(),
  budgetBand: z.string().trim().max(200).optional(),
  timeline: z.string().trim().max(200).optional(),
  region: z.string().trim().max(200).optional(),
  ip: z.string().trim().max(300).optional(),
  confidentiality: z.string().trim().max(300).optional(),
});

export const disciplineSchema = z.object({
  /** An OECD FOS 2007 field code, e.g. '2.3' (Mechanical engineering). */
  code: z.enum(FOS_CODES),
  confidence: z.number().min(0).max(1),
});

/** What a translator must produce; the LLM's output is validated against exactly this. */
export const briefContentSchema = z.object({
  problem: z.string().trim().min(1).max(2_000),
  researchQuestions: z.array(z.string().trim().min(1).max(600)).min(1).max(5),
  keywords: z.array(keywordSchema).min(1).max(40),
  disciplines: z.array(disciplineSchema).max(5),
  hypotheticalAbstract: z.string().trim().min(1).max(3_000),
  constraints: constraintsSchema,
  openQuestions: z.array(z.string().trim().min(1).max(400)).max(10),
});

export const weightedTermSchema = z.object({
  term: z.string().min(1).max(200),
  weight: z.number().positive(),
  lang: langSchema.optional(),
  /** The need's word this term translates (the search saturates the terms of one concept together). */
  concept: z.string().min(1).max(200).optional(),
});

export const researchBriefSchema = briefContentSchema.extend({
  /** Language the need was written in; the brief is shown in it. */
  language: langSchema,
  /** Which translator produced the brief, as the broker sees it, e.g. 'offline' or 'llm (gpt-4o-mini)'. */
  translator: z.string().min(1).max(200),
  /** Weighted retrieval terms in both languages (offline expansion); absent when derived from keywords. */
  queryTerms: z.array(weightedTermSchema).max(200).optional(),
  /** Why a fallback happened, when it did. */
  note: z.string().max(500).optional(),
});

export type ResearchBrief = z.infer<typeof researchBriefSchema>;
export type BriefContent = z.infer<typeof briefContentSchema>;
export type BriefKeyword = z.infer<typeof keywordSchema>;
export type BriefConstraints = z.infer<typeof constraintsSchema>;
