"""Imported by the local engine's fork server before it forks the workers: the pipeline's word
lists and models, loaded once there, are in every worker from its start (see `warm_up`)."""

from summarize.batch.jobs import warm_up

warm_up()
