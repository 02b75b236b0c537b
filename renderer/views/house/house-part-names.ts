import type { HousePart } from '../../../shared/plan';

/** Where each part sits in the picture, said in words (the picture must not be the only way to know). */
export const housePartNames: Record<HousePart, string> = {
  roof: 'Roof',
  leftWall: 'Left wall',
  centre: 'Centre',
  rightWall: 'Right wall',
  foundation: 'Foundation',
};

/** Reading order: top to bottom, left to right, as the picture is laid out. */
export const housePartOrder: readonly HousePart[] = ['roof', 'leftWall', 'centre', 'rightWall', 'foundation'];
